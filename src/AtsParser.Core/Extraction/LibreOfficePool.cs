using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

/// <summary>
/// A pool of warm LibreOffice listeners (LIBREOFFICE_POOL_SIZE). Started lazily on the first conversion so
/// start-up stays fast; until a listener is ready, and whenever the pool cannot run (no python3-uno, listeners
/// failing to start), callers get null and convert cold. A listener that crashes, times out or is cancelled
/// mid-conversion is killed with its process tree and replaced in the background. Stopping the host stops them all
/// and returns once none of their processes is left.
/// </summary>
public sealed class LibreOfficePool(ToolRegistry tools, IOptions<ExtractionOptions> options, ILogger<LibreOfficePool> logger)
    : IHostedService, IAsyncDisposable
{
    // soffice grows over a long life; recycling bounds its memory at the price of one restart per this many documents.
    const int MaxConversionsPerListener = 500;
    const int MaxConsecutiveStartFailures = 3;

    readonly Channel<LibreOfficePoolListener> _idle = Channel.CreateUnbounded<LibreOfficePoolListener>();
    readonly CancellationTokenSource _stopping = new();
    readonly List<LibreOfficePoolListener> _listeners = [];
    readonly List<Task> _starts = [];
    readonly Lock _gate = new();
    // Under this service's temp directory (Extraction:TempRoot); set on first use.
    string _root = "";
    LibreOfficePoolRuntime? _runtime;
    Task? _warm, _stopped;
    int _ready, _failures, _generation;
    long _converted;
    volatile string? _unavailable;

    int Size => options.Value.LibreOfficePoolSize;
    TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.LibreOfficeTimeoutSeconds);

    public bool Enabled => Size > 0 && tools.IsUsable("soffice") && _unavailable is null && !_stopping.IsCancellationRequested;

    /// <summary>Listeners ready to convert (idle or busy).</summary>
    public int ReadyCount => Volatile.Read(ref _ready);

    /// <summary>Worker and soffice process ids of the current listeners (tests check they go away).</summary>
    public IReadOnlyList<int> ProcessIds()
    {
        lock (_gate) return _listeners.SelectMany(l => new[] { l.WorkerPid, l.SofficePid }).OfType<int>().ToList();
    }

    public string ProfileRoot => _root;

    /// <summary>Documents converted by warm listeners since start.</summary>
    public long Converted => Interlocked.Read(ref _converted);

    /// <summary>Starts every listener and waits until they are ready (benchmarks and tests; requests never wait).</summary>
    public async Task<bool> WarmUpAsync(CancellationToken ct)
    {
        if (!Enabled) return false;
        await EnsureWarming().WaitAsync(ct);
        // A failed start-up queues a retry, so wait until no start-up is left in flight.
        while (true)
        {
            Task[] pending;
            lock (_gate) pending = _starts.Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0) return ReadyCount > 0;
            await Task.WhenAll(pending).WaitAsync(ct);
        }
    }

    /// <summary>
    /// Converts through a warm listener and returns true, or returns false when the caller should convert cold.
    /// Throws ToolFailedException when LibreOffice rejected or crashed on the document, ToolTimeoutException on timeout.
    /// </summary>
    public async Task<bool> TryConvertAsync(string input, string output, string filterSpec, CancellationToken ct)
    {
        var uno = LibreOfficeFilters.ForUno(filterSpec);
        if (!Enabled || uno is null) return false;
        var (filter, filterOptions) = uno.Value;
        _ = EnsureWarming();
        if (ReadyCount == 0) return false;
        LibreOfficePoolListener listener;
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
            wait.CancelAfter(Timeout);
            listener = await _idle.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
        ListenerReply reply;
        try
        {
            reply = await listener.ConvertAsync(input, output, filter, filterOptions, Timeout, ct);
        }
        catch (Exception e) when (e is ToolTimeoutException or OperationCanceledException or ToolFailedException)
        {
            await ReplaceAsync(listener, e is ToolTimeoutException ? "timed out" : e is OperationCanceledException ? "request cancelled" : "worker failed");
            throw;
        }
        switch (reply.Verdict)
        {
            case ListenerVerdict.Converted:
            case ListenerVerdict.DocumentFailed:
                if (listener.Conversions >= MaxConversionsPerListener) await ReplaceAsync(listener, "recycled");
                else _idle.Writer.TryWrite(listener);
                if (reply.Verdict != ListenerVerdict.Converted)
                    throw new ToolFailedException("soffice", "LibreOffice could not convert the document: " + reply.Error);
                Interlocked.Increment(ref _converted);
                return true;
            case ListenerVerdict.Crashed:
                await ReplaceAsync(listener, "crashed");
                throw new ToolFailedException("soffice", "LibreOffice crashed while converting the document");
            default:
                await ReplaceAsync(listener, reply.Error ?? "lost");
                return false;
        }
    }

    Task EnsureWarming()
    {
        lock (_gate)
        {
            if (_warm is not null) return _warm;
            _root = Path.Combine(options.Value.TempDirectory, $"lo-pool-{Guid.NewGuid():N}");
            return _warm = Task.Run(async () =>
            {
                try { _runtime = await LibreOfficePoolRuntime.ResolveAsync(options.Value.LibreOfficePython, _root, _stopping.Token); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
                {
                    MarkUnavailable("the pool could not prepare its directory: " + e.Message);
                    return;
                }
                if (_runtime is null) { MarkUnavailable("no python with the uno module (install python3-uno or set LIBREOFFICE_PYTHON)"); return; }
                for (int i = 0; i < Size; i++) StartInBackground(new LibreOfficePoolListener(i, Path.Combine(_root, $"profile-{i}")));
            });
        }
    }

    void StartInBackground(LibreOfficePoolListener listener)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested) return;
            _listeners.Add(listener);
            _starts.RemoveAll(t => t.IsCompleted);
            _starts.Add(Task.Run(() => StartAsync(listener)));
        }
    }

    async Task StartAsync(LibreOfficePoolListener listener)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var accept = options.Value.LibreOfficePoolPortBase > 0
            ? $"socket,host=127.0.0.1,port={options.Value.LibreOfficePoolPortBase + listener.Index}"
            : $"pipe,name=atsparser-{Path.GetFileName(_root)}-{listener.Index}-{Interlocked.Increment(ref _generation)}";
        try
        {
            await listener.StartAsync(_runtime!.Python, _runtime.Script, tools.PathOf("soffice"), accept, Timeout, _stopping.Token);
        }
        catch (Exception e) when (e is ToolFailedException or ToolTimeoutException or IOException or OperationCanceledException or System.Text.Json.JsonException)
        {
            await listener.KillAsync();
            lock (_gate) _listeners.Remove(listener);
            if (_stopping.IsCancellationRequested) return;
            Log.LoListenerStartFailed(logger, listener.Index, e.Message);
            if (Interlocked.Increment(ref _failures) >= MaxConsecutiveStartFailures) MarkUnavailable($"{MaxConsecutiveStartFailures} listener start-ups failed in a row");
            else StartInBackground(new LibreOfficePoolListener(listener.Index, listener.ProfileDir));
            return;
        }
        Interlocked.Exchange(ref _failures, 0);
        Interlocked.Increment(ref _ready);
        Log.LoListenerStarted(logger, listener.Index, listener.SofficePid ?? 0, sw.ElapsedMilliseconds);
        _idle.Writer.TryWrite(listener);
        if (_stopping.IsCancellationRequested) await listener.KillAsync();
    }

    // The old listener's processes are gone before its successor starts on the same profile directory.
    async Task ReplaceAsync(LibreOfficePoolListener listener, string reason)
    {
        Log.LoListenerReplaced(logger, listener.Index, listener.Conversions, reason);
        Interlocked.Decrement(ref _ready);
        await listener.KillAsync();
        lock (_gate) _listeners.Remove(listener);
        StartInBackground(new LibreOfficePoolListener(listener.Index, listener.ProfileDir));
    }

    void MarkUnavailable(string reason)
    {
        _unavailable = reason;
        Log.LoPoolUnavailable(logger, reason);
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => StopOnceAsync();

    public async ValueTask DisposeAsync() => await StopOnceAsync();

    // The host stops the pool and then disposes it: the second call waits for the first stop instead of returning
    // while its processes are still being killed.
    Task StopOnceAsync()
    {
        lock (_gate)
        {
            if (_stopped is not null) return _stopped;
            _stopping.Cancel();
            return _stopped = StopCoreAsync([.. _listeners], [.. _starts]);
        }
    }

    async Task StopCoreAsync(List<LibreOfficePoolListener> listeners, Task[] starts)
    {
        await Task.Yield();
        // Cancelled start-ups kill their own worker; wait so none outlives the host.
        try { await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        await Task.WhenAll(listeners.Select(l => l.StopAsync(TimeSpan.FromSeconds(5))));
        foreach (var l in listeners) l.DeleteProfile();
        // A listener still starting when the host stopped (or started after) is not in the list; nothing of the pool
        // may outlive the host, so anything that names the pool's root is killed, and the stop returns once it is gone.
        await LibreOfficePoolProcesses.KillMentioningAsync(_root);
        try { if (_root.Length > 0 && Directory.Exists(_root)) Directory.Delete(_root, recursive: true); } catch (IOException) { }
        if (listeners.Count > 0) Log.LoPoolStopped(logger, listeners.Count);
    }
}
