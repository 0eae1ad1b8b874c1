using AtsParser.Api.Observability;
using System.Text.Json;
using AtsParser.Api.Parse;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Caching;

/// <summary>A cached parse: the result (without `text`) and the extracted text, which storage and includeText need.</summary>
public sealed record CachedParse(ParseResult Result, string FullText);

/// <summary>
/// Cache-aside over an ICacheStore that never fails a request: errors and slow calls are logged, counted and open
/// a Polly circuit breaker (two failures within the sampling window), and the request carries on as a miss. While
/// the breaker is open the store is skipped without a round trip.
/// </summary>
public sealed class ParseCache
{
    readonly ICacheStore _store;
    readonly CacheOptions _options;
    readonly JsonSerializerOptions _json;
    readonly ILogger<ParseCache> _logger;
    readonly ResiliencePipeline _breaker;
    readonly CircuitBreakerStateProvider _breakerState = new();

    public ParseCache(ICacheStore store, IOptions<CacheOptions> options, IOptions<JsonOptions> json, ILogger<ParseCache> logger)
    {
        _store = store;
        _options = options.Value;
        _json = json.Value.SerializerOptions;
        _logger = logger;
        _breaker = new ResiliencePipelineBuilder().AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(_options.BreakSeconds, 1) * 2),
            BreakDuration = TimeSpan.FromSeconds(_options.BreakSeconds),
            StateProvider = _breakerState,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        }).Build();
    }

    public string Backend => _store.Name;

    /// <summary>Open (or isolated): the cache is bypassed; half-open lets the next call through as a trial.</summary>
    bool BreakerOpen => _breakerState.CircuitState is CircuitState.Open or CircuitState.Isolated;

    public async Task<CachedParse?> GetAsync(CacheKey key, CancellationToken ct)
    {
        // Every lookup is counted once in ats_cache_requests_total: bypass, error, miss or hit.
        if (!_options.Enabled || BreakerOpen) { AtsMetrics.CacheRequest(CacheResult.Bypass); return null; }
        var failed = false;
        var bytes = await Guard("get", () => _store.GetAsync(key, ct), ct, () => failed = true);
        if (failed) { AtsMetrics.CacheRequest(CacheResult.Error); return null; }
        var hit = bytes is null ? null : Deserialize(bytes);
        AtsMetrics.CacheRequest(hit is null ? CacheResult.Miss : CacheResult.Hit);
        return hit;
    }

    public async Task SetAsync(CacheKey key, CachedParse value, CancellationToken ct)
    {
        if (!_options.Enabled || BreakerOpen) return;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Entry(value.Result, value.FullText), _json);
        await Guard("set", async () => { await _store.SetAsync(key, bytes, _options.Ttl, ct); return true; }, ct);
    }

    /// <summary>Erase ignores the breaker: a GDPR erase should always try. Returns false when the cache could not be reached.</summary>
    public async Task<bool> EraseAsync(string sha256, CancellationToken ct)
    {
        try
        {
            await _store.EraseAsync(sha256, ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.CacheUnavailable(_logger, _store.Name, "erase", e.GetType().Name, _options.BreakSeconds);
            return false;
        }
    }

    async Task<T?> Guard<T>(string operation, Func<Task<T>> call, CancellationToken ct, Action? onFailure = null)
    {
        try
        {
            return await _breaker.ExecuteAsync(async _ => await call(), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Timeouts, connection failures, protocol errors, an open breaker: all mean "no cache for now", never a failed request.
            onFailure?.Invoke();
            Log.CacheUnavailable(_logger, _store.Name, operation, e.GetType().Name, _options.BreakSeconds);
            return default;
        }
    }

    CachedParse? Deserialize(byte[] bytes)
    {
        try
        {
            var e = JsonSerializer.Deserialize<Entry>(bytes, _json);
            return e?.Result is null ? null : new CachedParse(e.Result with { Extraction = e.Result.Extraction with { FullText = e.Text } }, e.Text);
        }
        catch (JsonException)
        {
            // An entry written by an incompatible build is a miss; the next set overwrites it.
            return null;
        }
    }

    sealed record Entry(ParseResult Result, string Text);
}
