using AtsParser.Api.Caching;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Caching;

public sealed class MemoryCacheStoreTests
{
    [Fact]
    public async Task Erasing_a_document_removes_every_variant_and_nothing_else()
    {
        using var store = new MemoryCacheStore(Options.Create(new CacheOptions()));
        var ttl = TimeSpan.FromMinutes(5);
        await store.SetAsync(new CacheKey("aaa", "v1"), [1], ttl, default);
        await store.SetAsync(new CacheKey("aaa", "v2"), [2], ttl, default);
        await store.SetAsync(new CacheKey("bbb", "v1"), [3], ttl, default);

        await store.EraseAsync("aaa", default);

        (await store.GetAsync(new CacheKey("aaa", "v1"), default)).Should().BeNull();
        (await store.GetAsync(new CacheKey("aaa", "v2"), default)).Should().BeNull();
        (await store.GetAsync(new CacheKey("bbb", "v1"), default)).Should().Equal(3);
    }

    [Fact]
    public async Task The_cache_never_holds_more_bytes_than_its_bound()
    {
        using var store = new MemoryCacheStore(Options.Create(new CacheOptions { MemoryMaxBytes = 10_000 }));

        for (var i = 0; i < 50; i++) await store.SetAsync(new CacheKey($"doc{i}", "v"), new byte[1000], TimeSpan.FromMinutes(5), default);
        var kept = 0;
        for (var i = 0; i < 50; i++) if (await store.GetAsync(new CacheKey($"doc{i}", "v"), default) is not null) kept++;

        kept.Should().BeLessThanOrEqualTo(10);
    }
}
