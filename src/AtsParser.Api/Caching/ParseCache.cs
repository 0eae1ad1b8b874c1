using System.Text.Json;
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
    readonly AtsMetrics _metrics;
    readonly ILogger<ParseCache> _logger;
    readonly ResiliencePipeline? _breaker;
    readonly CircuitBreakerStateProvider _breakerState = new();

    public ParseCache(ICacheStore store, IOptions<CacheOptions> options, AtsMetrics metrics, ILogger<ParseCache> logger)
    {
        _store = store;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        // The in-process store cannot be away: a breaker in front of it would only cost each lookup (µs against 0.7 µs).
        _breaker = store is MemoryCacheStore ? null : new ResiliencePipelineBuilder().AddCircuitBreaker(new CircuitBreakerStrategyOptions
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

    public async Task<CachedParse?> GetAsync(CacheKey key, CancellationToken ct)
    {
        // Every lookup is counted once in ats_cache_requests_total: bypass, error, miss or hit.
        if (!_options.Enabled) { _metrics.CacheRequest(CacheResult.Bypass); return null; }
        var (call, bytes) = await Guard("get", () => _store.GetAsync(key, ct), ct);
        if (call != Call.Made) { _metrics.CacheRequest(call == Call.Skipped ? CacheResult.Bypass : CacheResult.Error); return null; }
        var hit = bytes is null ? null : Deserialize(bytes);
        _metrics.CacheRequest(hit is null ? CacheResult.Miss : CacheResult.Hit);
        return hit;
    }

    public async Task SetAsync(CacheKey key, CachedParse value, CancellationToken ct)
    {
        if (!_options.Enabled) return;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new CacheEntry(value.Result, value.FullText), CacheJsonContext.Default.CacheEntry);
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

    enum Call { Made, Failed, Skipped }

    async Task<(Call, T?)> Guard<T>(string operation, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return (Call.Made, _breaker is null ? await call() : await _breaker.ExecuteAsync(async _ => await call(), ct));
        }
        // Open: Polly refuses without a round trip. It must still be asked (not skipped beforehand by reading its
        // state): only an attempted call moves it to half-open after BreakSeconds, so a restarted Redis is used again.
        catch (BrokenCircuitException) when (!ct.IsCancellationRequested)
        {
            return (Call.Skipped, default);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Timeouts, connection failures, protocol errors: all mean "no cache for now", never a failed request.
            Log.CacheUnavailable(_logger, _store.Name, operation, e.GetType().Name, _options.BreakSeconds);
            return (Call.Failed, default);
        }
    }

    CachedParse? Deserialize(byte[] bytes)
    {
        try
        {
            var e = JsonSerializer.Deserialize(bytes, CacheJsonContext.Default.CacheEntry);
            return e?.Result is null ? null : new CachedParse(e.Result with { Extraction = e.Result.Extraction with { FullText = e.Text } }, e.Text);
        }
        catch (JsonException)
        {
            // An entry written by an incompatible build is a miss; the next set overwrites it.
            return null;
        }
    }
}

/// <summary>What a cache entry holds: the answer (without `text`) and the extracted text.</summary>
public sealed record CacheEntry(ParseResult Result, string Text);

/// <summary>
/// Cache entries written and read by generated code: every parse writes one (with the whole extracted text), and the
/// reflection serializer took the slow converter path for all of it. The options are the API's (web defaults, nulls
/// left out), so entries are byte for byte what earlier builds wrote and read (ApiJsonTests).
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(CacheEntry))]
public sealed partial class CacheJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
