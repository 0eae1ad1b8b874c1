using AtsParser.IntegrationTests.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Caching;

public sealed class ParseCacheTests(StorageFixture fx) : IClassFixture<StorageFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task A_second_parse_of_the_same_bytes_is_a_hit_with_the_same_result()
    {
        var bytes = SampleResumes.Accountant();

        var first = await fx.Client.ParseAsync(bytes);
        var second = await fx.Client.ParseAsync(bytes, "?includeText=true");

        first.Response.CacheHeader().Should().Be("miss");
        second.Response.CacheHeader().Should().Be("hit");
        second.Body.GetProperty("document").GetProperty("sha256").GetString().Should().Be(first.Body.GetProperty("document").GetProperty("sha256").GetString());
        second.Body.GetProperty("extraction").GetProperty("text").GetString().Should().Contain("SKILLS", "includeText is served from the cached entry");
        first.Body.GetProperty("extraction").TryGetProperty("text", out _).Should().BeFalse();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_different_asOf_is_a_different_cache_entry()
    {
        var bytes = SampleResumes.Nurse();

        var first = await fx.Client.ParseAsync(bytes, "?asOf=2024-01-01");
        var other = await fx.Client.ParseAsync(bytes, "?asOf=2025-01-01");
        var same = await fx.Client.ParseAsync(bytes, "?asOf=2024-01-01");

        first.Response.CacheHeader().Should().Be("miss");
        other.Response.CacheHeader().Should().Be("miss");
        same.Response.CacheHeader().Should().Be("hit");
    }

    [Fact(Timeout = 120_000)]
    public async Task Concurrent_identical_uploads_run_the_pipeline_once()
    {
        var bytes = SampleResumes.Accountant();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fx.Client.ParseAsync(bytes)));

        responses.Should().OnlyContain(r => r.Response.IsSuccessStatusCode);
        responses.Count(r => r.Response.CacheHeader() == "miss").Should().Be(1);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_redis_the_in_process_cache_serves_hits()
    {
        await using var api = await StorageApiFactory.CreateAsync(useRedis: false);
        var client = api.CreateClient();
        var bytes = SampleResumes.Nurse();

        (await client.ParseAsync(bytes)).Response.CacheHeader().Should().Be("miss");
        (await client.ParseAsync(bytes)).Response.CacheHeader().Should().Be("hit");
    }
}
