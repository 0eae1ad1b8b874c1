using System.Text;
using CliWrap;

namespace AtsParser.Core.Extraction;

/// <summary>One tool call: an argument list (never a shell string), limits and environment. Built by <see cref="ToolCommands"/>.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxStdoutBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>The last this-many bytes of stderr are kept (the error is usually at the end).</summary>
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

/// <summary>
/// Runs a <see cref="ProcessSpec"/> through CliWrap: stdin closed, stdout capped, the tail of stderr kept, and a
/// forceful cancellation (the caller's token or the spec's timeout) that kills the whole process tree.
/// A non-zero exit is returned, not thrown: each tool decides what its exit codes mean.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct)
    {
        var stdout = new CappedBuffer(spec.MaxStdoutBytes);
        var stderr = new TailBuffer(spec.MaxStderrBytes);
        var command = Cli.Wrap(spec.FileName)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory ?? System.Environment.CurrentDirectory)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStream(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStream(stderr));

        using var timeoutCts = new CancellationTokenSource(spec.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        try
        {
            var result = await command.ExecuteAsync(linked.Token);
            return new ProcessResult(result.ExitCode, stdout.ToArray(), stderr.Text, stdout.Truncated, result.RunTime);
        }
        catch (OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
            throw new ToolTimeoutException(Path.GetFileName(spec.FileName), spec.Timeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolFailedException(spec.FileName, $"{spec.FileName} could not be started: {e.Message}");
        }
    }
}
