using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtsParser.Core.Extraction;

/// <summary>What a warm listener said about one conversion.</summary>
public enum ListenerVerdict
{
    Converted,
    /// <summary>LibreOffice could not load or store this document; the listener is fine.</summary>
    DocumentFailed,
    /// <summary>The listener died while converting this document.</summary>
    Crashed,
    /// <summary>The listener was already gone or its worker misbehaved; the document was not tried.</summary>
    ListenerLost,
}

public sealed record ListenerReply(ListenerVerdict Verdict, string? Error);

/// <summary>
/// One warm listener: a python worker (uno_worker.py) that owns a `soffice --accept` process and converts one
/// document at a time over a JSON-lines protocol on its stdin/stdout. Killing the worker's process tree takes
/// soffice with it.
/// </summary>
public sealed class LibreOfficePoolListener(int index, string profileDir)
{
    Process? _worker;
    string? _pipeName;
    readonly StringBuilder _stderr = new();

    public int Index { get; } = index;
    public string ProfileDir { get; } = profileDir;
    public int Conversions { get; private set; }
    public int? WorkerPid { get; private set; }
    public int? SofficePid { get; private set; }

    /// <summary>Starts the worker and waits for its listener to accept; throws ToolFailedException on failure.</summary>
    public async Task StartAsync(string python, string script, string soffice, string accept, TimeSpan timeout, CancellationToken ct)
    {
        if (Directory.Exists(ProfileDir)) Directory.Delete(ProfileDir, recursive: true);
        _pipeName = accept.StartsWith("pipe,name=", StringComparison.Ordinal) ? accept["pipe,name=".Length..] : null;
        Directory.CreateDirectory(ProfileDir);
        var spec = ToolCommands.UnoWorker(python, script, soffice, ProfileDir, accept, timeout);
        // A long-lived conversation over stdin/stdout (JSON lines), so this one process is driven directly.
        var psi = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, CreateNoWindow = true, WorkingDirectory = spec.WorkingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in spec.Arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in spec.Environment) psi.Environment[k] = v;
        var p = new Process { StartInfo = psi };
        try { p.Start(); }
        catch (System.ComponentModel.Win32Exception e) { throw new ToolFailedException("soffice", $"{python} could not be started: {e.Message}"); }
        _worker = p;
        WorkerPid = p.Id;
        _ = DrainStderrAsync(p);
        var line = await ReadLineAsync(timeout + TimeSpan.FromSeconds(5), ct);
        var ready = line is null ? null : JsonNode.Parse(line);
        if (ready?["ready"]?.GetValue<bool>() != true)
        {
            Kill();
            throw new ToolFailedException("soffice", "the LibreOffice listener did not start: " + (ready?["error"]?.GetValue<string>() ?? StderrTail()));
        }
        SofficePid = ready["pid"]?.GetValue<int>();
    }

    public async Task<ListenerReply> ConvertAsync(string input, string output, string filter, string filterOptions, TimeSpan timeout, CancellationToken ct)
    {
        var p = _worker;
        if (p is null || p.HasExited) return new(ListenerVerdict.ListenerLost, "the worker had exited");
        var request = JsonSerializer.Serialize(new Dictionary<string, string> { ["in"] = input, ["out"] = output, ["filter"] = filter, ["options"] = filterOptions });
        try
        {
            await p.StandardInput.WriteLineAsync(request.AsMemory(), ct);
            await p.StandardInput.FlushAsync(ct);
        }
        catch (IOException) { return new(ListenerVerdict.ListenerLost, "the worker's stdin is closed"); }
        // Timeouts and cancellation are the caller's: they kill the listener, which ends this read.
        var line = await ReadLineAsync(timeout, ct);
        if (line is null) return new(ListenerVerdict.ListenerLost, "the worker exited: " + StderrTail());
        JsonNode? answer;
        try { answer = JsonNode.Parse(line); }
        catch (JsonException) { return new(ListenerVerdict.ListenerLost, "the worker answered garbage"); }
        Conversions++;
        if (answer?["ok"]?.GetValue<bool>() == true) return new(ListenerVerdict.Converted, null);
        var error = answer?["error"]?.GetValue<string>();
        return answer?["kind"]?.GetValue<string>() switch
        {
            "crash" => new(ListenerVerdict.Crashed, error),
            "dead" => new(ListenerVerdict.ListenerLost, error),
            _ => new(ListenerVerdict.DocumentFailed, error),
        };
    }

    /// <summary>Reads one reply line; null when the worker closed stdout. Throws ToolTimeoutException or OCE.</summary>
    async Task<string?> ReadLineAsync(TimeSpan timeout, CancellationToken ct)
    {
        var read = (_worker ?? throw new ToolFailedException("soffice", "the listener is stopped")).StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
        try
        {
            return await read.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new ToolTimeoutException("soffice", timeout);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
    }

    /// <summary>Asks the worker to shut soffice down cleanly (stdin EOF), then kills the tree if it lingers.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        var p = _worker;
        if (p is null) return;
        try { if (!p.HasExited) p.StandardInput.Close(); } catch (IOException) { }
        try { await p.WaitForExitAsync().WaitAsync(grace); } catch (TimeoutException) { }
        Kill();
    }

    public void Kill()
    {
        var p = _worker;
        if (p is null) return;
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
        try { p.WaitForExit(5000); } catch (InvalidOperationException) { }
        p.Dispose();
        _worker = null;
        KillStragglers();
        LibreOfficePipes.Remove(new Uri(ProfileDir).AbsoluteUri, _pipeName);
    }

    // A worker that exits cleanly asks soffice to terminate but does not wait for it; soffice (reparented once the
    // worker is gone) can outlive it, and a tree kill of the exited worker no longer reaches it. Every process of
    // this listener names its profile on the command line, so those are found and killed.
    void KillStragglers() => KillProcessesMentioning(ProfileDir);

    /// <summary>Kills every process (and its tree) whose command line names the path; Linux /proc only.</summary>
    public static void KillProcessesMentioning(string path)
    {
        if (!Directory.Exists("/proc") || path.Length == 0) return;
        var profileUri = new Uri(path).AbsoluteUri;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.Contains(profileUri, StringComparison.Ordinal) && !cmdline.Contains(path, StringComparison.Ordinal)) continue;
                using var straggler = Process.GetProcessById(pid);
                straggler.Kill(entireProcessTree: true);
                straggler.WaitForExit(5000);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }
    }

    public void DeleteProfile()
    {
        try { if (Directory.Exists(ProfileDir)) Directory.Delete(ProfileDir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    async Task DrainStderrAsync(Process p)
    {
        var buf = new char[4096];
        try
        {
            int n;
            while ((n = await p.StandardError.ReadAsync(buf)) > 0)
                lock (_stderr) { _stderr.Append(buf, 0, n); if (_stderr.Length > 8192) _stderr.Remove(0, _stderr.Length - 4096); }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (InvalidOperationException) { }
    }

    string StderrTail()
    {
        lock (_stderr) { var s = _stderr.ToString().Trim(); return s.Length > 300 ? s[^300..] : s; }
    }
}
