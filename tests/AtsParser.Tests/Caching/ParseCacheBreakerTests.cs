using AtsParser.Api.Caching;
using AtsParser.Core.Observability;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Caching;

public sealed class ParseCacheBreakerTests
{
    /// <summary>A store whose every call fails like an unreachable Redis, counting how often it was asked.</summary>
    sealed class BrokenStore : ICacheStore
    {
        public int Calls;
        public string Name => "broken";
        public Task<byte[]?> GetAsync(CacheKey key, CancellationToken ct) { Interlocked.Increment(ref Calls); throw new TimeoutException("no answer"); }
        public Task SetAsync(CacheKey key, byte[] value, TimeSpan ttl, CancellationToken ct) { Interlocked.Increment(ref Calls); throw new TimeoutException("no answer"); }
        public Task EraseAsync(string sha256, CancellationToken ct) { Interlocked.Increment(ref Calls); throw new TimeoutException("no answer"); }
    }

    /// <summary>Fails like an unreachable Redis until healed, then stores in memory like a restarted one.</summary>
    sealed class RestartedStore : ICacheStore
    {
        readonly Dictionary<string, byte[]> _values = new();
        public bool Down = true;
        public string Name => "restarted";
        public Task<byte[]?> GetAsync(CacheKey key, CancellationToken ct) =>
            Down ? throw new TimeoutException("no answer") : Task.FromResult(_values.GetValueOrDefault(key.Sha256 + key.Variant));
        public Task SetAsync(CacheKey key, byte[] value, TimeSpan ttl, CancellationToken ct)
        {
            if (Down) throw new TimeoutException("no answer");
            _values[key.Sha256 + key.Variant] = value;
            return Task.CompletedTask;
        }
        public Task EraseAsync(string sha256, CancellationToken ct) => Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task After_the_break_the_cache_is_used_again_once_the_store_is_back()
    {
        var store = new RestartedStore();
        var cache = new ParseCache(store, Options.Create(new CacheOptions { BreakSeconds = 1 }), new AtsMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<ParseCache>.Instance);
        var key = new CacheKey("abc", "v");
        for (var i = 0; i < 3; i++) await cache.GetAsync(key, CancellationToken.None);
        store.Down = false;

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past BreakSeconds: the next call is the half-open trial
        await cache.GetAsync(key, CancellationToken.None);
        await cache.SetAsync(key, new CachedParse(SampleResult(), "text"), CancellationToken.None);
        var hit = await cache.GetAsync(key, CancellationToken.None);

        hit.Should().NotBeNull("a restarted Redis is used again without restarting the service");
    }

    static AtsParser.Core.Parsing.ParseResult SampleResult() => new()
    {
        Document = new AtsParser.Core.Parsing.DocumentInfo("abc", "cv.txt", AtsParser.Core.Documents.DocumentFormat.Txt, 4, null),
        Extraction = new AtsParser.Core.Extraction.ExtractionResult { ExtractedBy = "text", OcrUsed = false, Chars = 4, Attempts = [], FullText = "text" },
        TimingsMs = [],
    };

    static ParseCache Cache(ICacheStore store) =>
        new(store, Options.Create(new CacheOptions { BreakSeconds = 60 }), new AtsMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<ParseCache>.Instance);

    [Fact]
    public async Task A_failing_store_makes_every_lookup_a_miss_and_the_breaker_stops_asking_it()
    {
        var store = new BrokenStore();
        var cache = Cache(store);

        var results = new List<CachedParse?>();
        for (var i = 0; i < 10; i++) results.Add(await cache.GetAsync(new CacheKey("abc", "v"), CancellationToken.None));

        results.Should().AllSatisfy(r => r.Should().BeNull());
        store.Calls.Should().Be(2, "two failures open the breaker; later lookups bypass the store");
    }

    [Fact]
    public async Task An_erase_is_tried_even_while_the_breaker_is_open_and_reports_the_failure()
    {
        var store = new BrokenStore();
        var cache = Cache(store);
        for (var i = 0; i < 3; i++) await cache.GetAsync(new CacheKey("abc", "v"), CancellationToken.None);
        var before = store.Calls;

        var erased = await cache.EraseAsync("abc", CancellationToken.None);

        erased.Should().BeFalse();
        store.Calls.Should().Be(before + 1);
    }
}
