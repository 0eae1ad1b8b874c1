using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CliWrap;

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
    CommandTask<CommandResult>? _worker;
    CancellationTokenSource? _kill;
    Channel<string>? _requests;
    Channel<string>? _replies;
    TailBuffer? _stderr;
    string? _pipeName;

    public int Index { get; } = index;
    public string ProfileDir { get; } = profileDir;
    public int Conversions { get; private set; }
    public int? WorkerPid { get; private set; }
    public int? SofficePid { get; private set; }

    bool Running => _worker is { Task.IsCompleted: false };

    /// <summary>Starts the worker and waits for its listener to accept; throws ToolFailedException on failure.</summary>
    public async Task StartAsync(string python, string script, string soffice, string accept, TimeSpan timeout, CancellationToken ct)
    {
        if (Directory.Exists(ProfileDir)) Directory.Delete(ProfileDir, recursive: true);
        _pipeName = accept.StartsWith("pipe,name=", StringComparison.Ordinal) ? accept["pipe,name=".Length..] : null;
        Directory.CreateDirectory(ProfileDir);
        var spec = ToolCommands.UnoWorker(python, script, soffice, ProfileDir, accept, timeout);
        var requests = _requests = Channel.CreateUnbounded<string>(new() { SingleReader = true });
        var replies = _replies = Channel.CreateUnbounded<string>(new() { SingleWriter = true });
        _stderr = new TailBuffer(spec.MaxStderrBytes);
        _kill = new CancellationTokenSource();
        // stdin stays open while requests may come; completing the channel closes it, which tells the worker to stop.
        var command = Cli.Wrap(spec.FileName).WithArguments(spec.Arguments).WithWorkingDirectory(spec.WorkingDirectory!)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value))
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Create(async (stdin, token) =>
            {
                await foreach (var request in requests.Reader.ReadAllAsync(token))
                {
                    await stdin.WriteAsync(Encoding.UTF8.GetBytes(request + "\n"), token);
                    await stdin.FlushAsync(token);
                }
            }))
            .WithStandardOutputPipe(PipeTarget.Create(async (stdout, token) =>
            {
                using var reader = new StreamReader(stdout, Encoding.UTF8);
                try { while (await reader.ReadLineAsync(token) is { } line) replies.Writer.TryWrite(line); }
                finally { replies.Writer.TryComplete(); }
            }))
            .WithStandardErrorPipe(PipeTarget.ToStream(_stderr));
        try { _worker = command.ExecuteAsync(_kill.Token); }
        catch (System.ComponentModel.Win32Exception e) { throw new ToolFailedException("soffice", $"{python} could not be started: {e.Message}"); }
        _ = _worker.Task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observed: a kill ends it with OCE
        WorkerPid = _worker.ProcessId;
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
        if (!Running || _requests is null) return new(ListenerVerdict.ListenerLost, "the worker had exited");
        var request = JsonSerializer.Serialize(new Dictionary<string, string> { ["in"] = input, ["out"] = output, ["filter"] = filter, ["options"] = filterOptions });
        if (!_requests.Writer.TryWrite(request)) return new(ListenerVerdict.ListenerLost, "the worker's stdin is closed");
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
        var replies = _replies ?? throw new ToolFailedException("soffice", "the listener is stopped");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            return await replies.Reader.ReadAsync(deadline.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
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
        var worker = _worker;
        if (worker is null) return;
        _requests?.Writer.TryComplete();
        try { await worker.Task.WaitAsync(grace); } catch (TimeoutException) { } catch (OperationCanceledException) { }
        Kill();
    }

    /// <summary>Kills the worker's whole process tree (CliWrap's forceful cancellation), then anything still naming the profile.</summary>
    public void Kill()
    {
        var worker = _worker;
        if (worker is null) return;
        _requests?.Writer.TryComplete();
        try { _kill?.Cancel(); } catch (ObjectDisposedException) { }
        try { worker.Task.Wait(5000); } catch (AggregateException) { }
        _worker = null;
        _kill?.Dispose();
        _kill = null;
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

    string StderrTail()
    {
        var s = _stderr?.Text.Trim() ?? "";
        return s.Length > 300 ? s[^300..] : s;
    }
}
