using AtsParser.Api.Caching;
using FluentAssertions;
using Microsoft.AspNetCore.Http.Json;
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

    static ParseCache Cache(ICacheStore store) =>
        new(store, Options.Create(new CacheOptions { BreakSeconds = 60 }), Options.Create(new JsonOptions()), NullLogger<ParseCache>.Instance);

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
