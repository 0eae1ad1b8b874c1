using System.Diagnostics;
using System.Text;

namespace AtsParser.Core.Extraction;

// The small equivalent of CliWrap (not on our feed): immutable command, argument list, bounded output,
// timeout linked to the caller's token, process-tree kill. Replaceable by CliWrap without touching callers.
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxStdoutBytes { get; init; } = 16 * 1024 * 1024;
    public int MaxStderrBytes { get; init; } = 64 * 1024;
}

public sealed record ProcessResult(int ExitCode, byte[] Stdout, string Stderr, bool StdoutTruncated, TimeSpan Elapsed)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);
}

/// <summary>The tool ran past its timeout and was killed with its whole process tree.</summary>
public sealed class ToolTimeoutException(string tool, TimeSpan timeout)
    : Exception($"{tool} timed out after {timeout.TotalSeconds:0.#} s and was killed")
{
    public string Tool { get; } = tool;
}

/// <summary>The tool exited non-zero or produced nothing usable. Carries the tail of stderr.</summary>
public sealed class ToolFailedException(string tool, string message, int? exitCode = null) : Exception(message)
{
    public string Tool { get; } = tool;
    public int? ExitCode { get; } = exitCode;
}

public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = spec.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        foreach (var a in spec.Arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in spec.Environment) psi.Environment[k] = v;

        var sw = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolFailedException(spec.FileName, $"{spec.FileName} could not be started: {e.Message}");
        }
        process.StandardInput.Close();

        using var timeoutCts = new CancellationTokenSource(spec.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        var stdoutTask = ReadBoundedAsync(process.StandardOutput.BaseStream, spec.MaxStdoutBytes);
        var stderrTask = ReadBoundedAsync(process.StandardError.BaseStream, spec.MaxStderrBytes);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            // Reap it so no zombie or orphan is left; the pipes close once the tree is gone.
            try { await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { }
            ct.ThrowIfCancellationRequested();
            throw new ToolTimeoutException(Path.GetFileName(spec.FileName), spec.Timeout);
        }
        var (stdout, truncated) = await stdoutTask;
        var (stderr, _) = await stderrTask;
        return new ProcessResult(process.ExitCode, stdout, Encoding.UTF8.GetString(stderr), truncated, sw.Elapsed);
    }

    static void Kill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    // Reads to the end so the child never blocks on a full pipe, but keeps at most `max` bytes.
    static async Task<(byte[], bool)> ReadBoundedAsync(Stream s, int max)
    {
        var ms = new MemoryStream();
        var buf = new byte[81920];
        bool truncated = false;
        try
        {
            int n;
            while ((n = await s.ReadAsync(buf)) > 0)
            {
                int keep = Math.Min(n, max - (int)ms.Length);
                if (keep > 0) ms.Write(buf, 0, keep);
                if (keep < n) truncated = true;
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        return (ms.ToArray(), truncated);
    }
}
