using System.Net;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Storage;

/// <summary>These tests stop servers, so each starts its own instead of using the shared ones.</summary>
public sealed class OutageTests
{
    [Fact(Timeout = 180_000)]
    public async Task Requests_still_succeed_when_redis_stops_mid_test()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var api = await StorageApiFactory.CreateAsync(redis: redis);
        var client = api.CreateClient();
        var bytes = SampleResumes.Nurse();
        (await client.ParseAsync(bytes)).Response.CacheHeader().Should().Be("miss");
        (await client.ParseAsync(bytes)).Response.CacheHeader().Should().Be("hit");

        await redis.StopAsync();
        var down = await client.ParseAsync(bytes);
        var stillDown = await client.ParseAsync(bytes, "?store=true");

        down.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        down.Response.CacheHeader().Should().Be("miss");
        stillDown.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        stillDown.Body.GetProperty("id").GetGuid().Should().NotBeEmpty();
        (await client.DeleteAsync($"/api/v1/resumes/{stillDown.Body.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact(Timeout = 180_000)]
    public async Task When_postgres_stops_parsing_still_answers_and_storage_answers_503()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var api = await StorageApiFactory.CreateAsync(postgres: postgres, useRedis: false);
        var client = api.CreateClient();
        (await client.ParseAsync(SampleResumes.Accountant(), "?store=true")).Response.StatusCode.Should().Be(HttpStatusCode.OK);

        await postgres.StopAsync();
        var parse = await client.ParseAsync(SampleResumes.Nurse());
        var store = await client.ParseAsync(SampleResumes.Nurse(), "?store=true");
        var list = await client.GetAsync("/api/v1/resumes");

        parse.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        store.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        store.Body.GetProperty("code").GetString().Should().Be("storage_unavailable");
        list.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await list.JsonAsync()).GetProperty("code").GetString().Should().Be("storage_unavailable");
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_a_database_parsing_works_and_storage_answers_503_storage_disabled()
    {
        await using var api = new StorageApiFactory().Set("Storage:ConnectionString", "").Set("Cache:RedisUrl", "");
        var client = api.CreateClient();

        var parse = await client.ParseAsync(SampleResumes.Nurse());
        var store = await client.ParseAsync(SampleResumes.Nurse(), "?store=true");
        var list = await client.GetAsync("/api/v1/resumes");
        var search = await client.PostAsync("/api/v1/search", System.Net.Http.Json.JsonContent.Create(new { text = "nurse" }));

        parse.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        parse.Response.CacheHeader().Should().Be("miss", "the in-process cache works without Redis");
        store.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        store.Body.GetProperty("code").GetString().Should().Be("storage_disabled");
        store.Body.GetProperty("detail").GetString().Should().Contain("DATABASE_URL");
        list.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        search.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await search.JsonAsync()).GetProperty("code").GetString().Should().Be("storage_disabled");
    }
}
