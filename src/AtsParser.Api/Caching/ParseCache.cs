using AtsParser.Api.Observability;
using System.Text.Json;
using AtsParser.Api.Parse;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Caching;

/// <summary>A cached parse: the result (without `text`) and the extracted text, which storage and includeText need.</summary>
public sealed record CachedParse(ParseResult Result, string FullText);

/// <summary>
/// Cache-aside over an ICacheStore that never fails a request: errors and slow calls are logged, counted and open
/// the circuit breaker, and the request carries on as a miss.
/// </summary>
public sealed class ParseCache
{
    readonly ICacheStore _store;
    readonly CacheOptions _options;
    readonly JsonSerializerOptions _json;
    readonly ILogger<ParseCache> _logger;
    readonly CircuitBreaker _breaker;

    public ParseCache(ICacheStore store, IOptions<CacheOptions> options, IOptions<JsonOptions> json, ILogger<ParseCache> logger)
    {
        _store = store;
        _options = options.Value;
        _json = json.Value.SerializerOptions;
        _logger = logger;
        _breaker = new CircuitBreaker(TimeSpan.FromSeconds(_options.BreakSeconds));
    }

    public string Backend => _store.Name;

    public async Task<CachedParse?> GetAsync(CacheKey key, CancellationToken ct)
    {
        // Every lookup is counted once in ats_cache_requests_total: bypass, error, miss or hit.
        if (!_options.Enabled || _breaker.IsOpen) { AtsMetrics.CacheRequest(CacheResult.Bypass); return null; }
        var failed = false;
        var bytes = await Guard("get", () => _store.GetAsync(key, ct), ct, () => failed = true);
        if (failed) { AtsMetrics.CacheRequest(CacheResult.Error); return null; }
        var hit = bytes is null ? null : Deserialize(bytes);
        AtsMetrics.CacheRequest(hit is null ? CacheResult.Miss : CacheResult.Hit);
        return hit;
    }

    public async Task SetAsync(CacheKey key, CachedParse value, CancellationToken ct)
    {
        if (!_options.Enabled || _breaker.IsOpen) return;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Entry(value.Result, value.FullText), _json);
        await Guard("set", async () => { await _store.SetAsync(key, bytes, _options.Ttl, ct); return true; }, ct);
    }

    /// <summary>Erase ignores the breaker: a GDPR erase should always try. Returns false when the cache could not be reached.</summary>
    public async Task<bool> EraseAsync(string sha256, CancellationToken ct) =>
        await Guard("erase", async () => { await _store.EraseAsync(sha256, ct); return true; }, ct);

    async Task<T?> Guard<T>(string operation, Func<Task<T>> call, CancellationToken ct, Action? onFailure = null)
    {
        try
        {
            var result = await call();
            _breaker.Succeeded();
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Timeouts, connection failures, protocol errors: all mean "no cache for now", never a failed request.
            _breaker.Failed();
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
