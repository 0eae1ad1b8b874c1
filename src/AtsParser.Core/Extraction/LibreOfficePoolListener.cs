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
/// document at a time over a JSON-lines protocol on its stdin/stdout. The worker runs as a CliWrap command like every
/// other tool (ProcessSpec from ToolCommands), with stdin fed from a channel of requests and stdout read into a
/// channel of replies; a forceful cancellation kills the worker's process tree, soffice with it.
/// </summary>
public sealed class LibreOfficePoolListener(int index, string profileDir)
{
    readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new() { SingleReader = true });
    readonly Channel<string> _replies = Channel.CreateUnbounded<string>(new() { SingleWriter = true });
    readonly CancellationTokenSource _kill = new();
    readonly Lock _gate = new();
    TailBuffer _stderr = new(1);
    CommandTask<CommandResult>? _run;
    Task? _killed;
    string? _pipeName;

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
        _stderr = new TailBuffer(spec.MaxStderrBytes);
        var command = Cli.Wrap(spec.FileName)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory ?? Environment.CurrentDirectory)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value))
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Create(WriteRequestsAsync))
            .WithStandardOutputPipe(PipeTarget.Create(ReadRepliesAsync))
            .WithStandardErrorPipe(PipeTarget.ToStream(_stderr));
        try { _run = command.ExecuteAsync(_kill.Token); }
        catch (System.ComponentModel.Win32Exception e) { throw new ToolFailedException("soffice", $"{python} could not be started: {e.Message}"); }
        WorkerPid = _run.ProcessId;
        var line = await ReadLineAsync(timeout + TimeSpan.FromSeconds(5), ct);
        var ready = line is null ? null : JsonNode.Parse(line);
        if (ready?["ready"]?.GetValue<bool>() != true)
        {
            await KillAsync();
            throw new ToolFailedException("soffice", "the LibreOffice listener did not start: " + (ready?["error"]?.GetValue<string>() ?? StderrTail()));
        }
        SofficePid = ready["pid"]?.GetValue<int>();
    }

    // One request per line; completing the channel closes stdin, which tells the worker to shut soffice down.
    async Task WriteRequestsAsync(Stream stdin, CancellationToken ct)
    {
        await foreach (var request in _requests.Reader.ReadAllAsync(ct))
        {
            await stdin.WriteAsync(Encoding.UTF8.GetBytes(request + "\n"), ct);
            await stdin.FlushAsync(ct);
        }
    }

    async Task ReadRepliesAsync(Stream stdout, CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(stdout, Encoding.UTF8);
            while (await reader.ReadLineAsync(ct) is { } line) _replies.Writer.TryWrite(line);
        }
        finally
        {
            _replies.Writer.TryComplete();
        }
    }

    public async Task<ListenerReply> ConvertAsync(string input, string output, string filter, string filterOptions, TimeSpan timeout, CancellationToken ct)
    {
        if (_run is not { } run || run.Task.IsCompleted) return new(ListenerVerdict.ListenerLost, "the worker had exited");
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

    /// <summary>Reads one reply line; null when the worker closed stdout. Kills the listener and throws ToolTimeoutException or OCE.</summary>
    async Task<string?> ReadLineAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            return await _replies.Reader.ReadAsync(limit.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await KillAsync();
            throw new ToolTimeoutException("soffice", timeout);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw;
        }
    }

    /// <summary>Asks the worker to shut soffice down cleanly (stdin EOF), then kills the tree if it lingers.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _requests.Writer.TryComplete();
        if (_run is { } run)
        {
            try { await run.Task.WaitAsync(grace); }
            catch (TimeoutException) { }
            catch (OperationCanceledException) { }
        }
        await KillAsync();
    }

    /// <summary>Kills the worker's process tree and returns once none of this listener's processes is left (idempotent).</summary>
    public Task KillAsync()
    {
        lock (_gate) return _killed ??= KillCoreAsync();
    }

    async Task KillCoreAsync()
    {
        await Task.Yield();
        _requests.Writer.TryComplete();
        _kill.Cancel();
        if (_run is { } run)
        {
            // CliWrap returns (with an OperationCanceledException) once the killed worker has exited.
            try { await run; }
            catch (OperationCanceledException) { }
            catch (TimeoutException) { }
        }
        // A worker that exits cleanly asks soffice to terminate but does not wait for it; soffice (reparented once the
        // worker is gone) can outlive it, and a tree kill of the exited worker no longer reaches it. Every process of
        // this listener names its profile on the command line, so those are found and killed.
        await LibreOfficePoolProcesses.KillMentioningAsync(ProfileDir);
        LibreOfficePipes.Remove(new Uri(ProfileDir).AbsoluteUri, _pipeName);
    }

    public void DeleteProfile()
    {
        try { if (Directory.Exists(ProfileDir)) Directory.Delete(ProfileDir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    string StderrTail()
    {
        var s = _stderr.Text.Trim();
        return s.Length > 300 ? s[^300..] : s;
    }
}
