using System.ComponentModel.DataAnnotations;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Parse;

public sealed class ParseLimitOptions
{
    public const string Section = "ParseLimits";

    /// <summary>PARSE_CONCURRENCY: documents in the pipeline at once in this process, HTTP requests and the job worker together.</summary>
    [Range(1, 256)] public int Concurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>PARSE_QUEUE_TIMEOUT_SECONDS: how long a request waits for a slot before it is answered 503 server_busy.</summary>
    [Range(0, 3600)] public double QueueTimeoutSeconds { get; set; } = 30;

    /// <summary>PARSE_MAX_IN_FLIGHT: documents admitted at once, counting those that wait on a native tool (OCR,
    /// LibreOffice) without holding one of the Concurrency shares; 0 means 4 × Concurrency. Bounds what is held in memory.</summary>
    [Range(0, 4096)] public int MaxInFlight { get; set; }

    /// <summary>The admission bound in effect.</summary>
    public int AdmittedLimit => MaxInFlight > 0 ? Math.Max(MaxInFlight, Concurrency) : Concurrency * 4;

    /// <summary>The Retry-After of a server_busy answer.</summary>
    [Range(1, 3600)] public int BusyRetryAfterSeconds { get; set; } = 10;
}

[OptionsValidator]
public sealed partial class ParseLimitOptionsValidator : IValidateOptions<ParseLimitOptions>;

/// <summary>
/// The process-wide bound on parsing. Each request parsed its upload at once before (50 concurrent 10 MB uploads
/// peaked at 4.4 GB), whatever the per-request and per-tool caps said. Two bounds:
/// - admitted (MaxInFlight): documents loaded into memory at once, including those waiting on a native tool;
/// - active (Concurrency): documents working in this process (loading, cache, in-process extraction, the parser).
/// A document gives its active share back while a native extraction step runs (ToolWait) and takes it back after,
/// so slow OCR or LibreOffice documents no longer starve cheap ones. Requests wait in line up to QueueTimeoutSeconds
/// for admission and a share together; job items (already queued) wait as long as it takes.
/// </summary>
public sealed class ParseSlots(IOptions<ParseLimitOptions> options, ILogger<ParseSlots> logger)
{
    readonly SemaphoreSlim _active = new(options.Value.Concurrency, options.Value.Concurrency);
    readonly SemaphoreSlim _admitted = new(options.Value.AdmittedLimit, options.Value.AdmittedLimit);

    /// <summary>Documents working in this process now (held shares), for tests and diagnostics.</summary>
    public int Active => options.Value.Concurrency - _active.CurrentCount;

    /// <summary>Documents admitted now, working or waiting on a native tool.</summary>
    public int Admitted => options.Value.AdmittedLimit - _admitted.CurrentCount;

    public async Task<Slot> EnterAsync(bool background, CancellationToken ct)
    {
        if (background)
        {
            await _admitted.WaitAsync(ct);
            try { await _active.WaitAsync(ct); }
            catch { _admitted.Release(); throw; }
            return new Slot(_active, _admitted);
        }
        var o = options.Value;
        var deadline = TimeSpan.FromSeconds(o.QueueTimeoutSeconds);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        if (await _admitted.WaitAsync(deadline, ct))
        {
            bool entered;
            try
            {
                var left = deadline - waited.Elapsed;
                entered = await _active.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, ct);
            }
            catch { _admitted.Release(); throw; }
            if (entered) return new Slot(_active, _admitted);
            _admitted.Release();
        }
        Log.ParseBusy(logger, o.Concurrency, o.QueueTimeoutSeconds);
        throw new CodedException(ErrorCodes.ServerBusy, $"All {o.Concurrency} parse slots (PARSE_CONCURRENCY) stayed taken for {o.QueueTimeoutSeconds:0.#} s")
        {
            RetryAfterSeconds = o.BusyRetryAfterSeconds,
        };
    }

    /// <summary>One admitted document's slot. Its active share can be given back while a native tool runs
    /// (Yield) and taken back after (ReclaimAsync); Dispose returns whatever it still holds, once.</summary>
    public sealed class Slot(SemaphoreSlim active, SemaphoreSlim admitted) : IDisposable, IYieldingSlot
    {
        readonly Lock _gate = new();
        bool _holding = true;
        bool _disposed;

        public void Yield()
        {
            lock (_gate)
            {
                if (_disposed || !_holding) return;
                _holding = false;
            }
            active.Release();
        }

        public async Task ReclaimAsync(CancellationToken ct)
        {
            lock (_gate)
            {
                if (_disposed || _holding) return;
            }
            await active.WaitAsync(ct);
            bool giveBack;
            lock (_gate)
            {
                giveBack = _disposed || _holding;
                if (!giveBack) _holding = true;
            }
            if (giveBack) active.Release();
        }

        public void Dispose()
        {
            bool held;
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                held = _holding;
                _holding = false;
            }
            if (held) active.Release();
            admitted.Release();
        }
    }
}

public static class ParseSlotServices
{
    public static IServiceCollection AddParseSlots(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ParseLimitOptions>().Bind(config.GetSection(ParseLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ParseLimitOptions>, ParseLimitOptionsValidator>();
        services.AddSingleton<ParseSlots>();
        return services;
    }
}
