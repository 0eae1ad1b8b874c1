using System.Net;
using System.Text.Json;
using AtsParser.IntegrationTests.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Health;

/// <summary>/health/ready against real servers; the tests that stop a server or point at a dead port start their own.</summary>
public sealed class ReadinessTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact(Timeout = 120_000)]
    public async Task With_postgres_and_redis_up_readiness_is_ready_and_lists_every_check_healthy()
    {
        await using var api = await StorageApiFactory.CreateAsync();
        var client = api.CreateClient();

        var (status, body) = await ReadyWhenSettled(client, "ready");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("ready");
        body.GetProperty("missingTools").GetArrayLength().Should().Be(0);
        Checks(body).Should().BeEquivalentTo(new Dictionary<string, string> { ["tools"] = "healthy", ["database"] = "healthy", ["redis"] = "healthy", ["warmup"] = "healthy" });
    }

    [Fact(Timeout = 180_000)]
    public async Task When_redis_stops_readiness_is_degraded_and_still_200()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var api = await StorageApiFactory.CreateAsync(redis: redis);
        var client = api.CreateClient();
        (await ReadyWhenSettled(client, "ready")).Body.GetProperty("status").GetString().Should().Be("ready");

        await redis.StopAsync();
        var (status, body) = await ReadyWhenSettled(client, "degraded");

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("degraded");
        Checks(body)["redis"].Should().Be("degraded");
        Checks(body)["database"].Should().Be("healthy");
        (await client.ParseAsync(SampleResumes.Nurse())).Response.StatusCode.Should().Be(HttpStatusCode.OK, "a parse still answers without Redis");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_redis_url_on_a_dead_port_is_degraded_not_unready()
    {
        await using var api = await StorageApiFactory.CreateAsync(useRedis: false);
        api.Set("Cache:RedisUrl", $"redis://127.0.0.1:{LocalProcess.FreePort()}");
        var client = api.CreateClient();

        var (status, body) = await ReadyWhenSettled(client, "degraded");

        status.Should().Be(HttpStatusCode.OK);
        Checks(body)["redis"].Should().Be("degraded");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_database_url_on_a_dead_port_makes_readiness_503_not_ready_without_naming_the_host()
    {
        await using var api = new StorageApiFactory()
            .Set("Storage:ConnectionString", $"postgres://ats:secret@127.0.0.1:{LocalProcess.FreePort()}/ats")
            .Set("Storage:MigrateOnStartup", "false").Set("Cache:RedisUrl", "");
        var client = api.CreateClient();

        var response = await client.GetAsync("/health/ready", _ct);
        var text = await response.Content.ReadAsStringAsync(_ct);
        var body = JsonDocument.Parse(text).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().Should().Be("not_ready");
        body.GetProperty("missingTools").GetArrayLength().Should().Be(0);
        Checks(body).Should().BeEquivalentTo(new Dictionary<string, string> { ["tools"] = "healthy", ["database"] = "unhealthy", ["warmup"] = "healthy" });
        text.Should().NotContain("127.0.0.1").And.NotContain("secret");
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_database_and_redis_settings_readiness_checks_the_tools_alone()
    {
        await using var api = new StorageApiFactory().Set("Storage:ConnectionString", "").Set("Cache:RedisUrl", "");

        var response = await api.CreateClient().GetAsync("/health/ready", _ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Checks(JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct)).RootElement).Keys.Should().Equal("tools", "warmup");
    }

    static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    /// <summary>The Redis multiplexer connects (and notices a dead server) in the background: poll until the wanted status, at most 15 s.</summary>
    async Task<(HttpStatusCode Status, JsonElement Body)> ReadyWhenSettled(HttpClient client, string wanted)
    {
        for (var i = 0; ; i++)
        {
            var response = await client.GetAsync("/health/ready", _ct);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct)).RootElement;
            if (body.GetProperty("status").GetString() == wanted || i == 60) return (response.StatusCode, body);
            await Task.Delay(250, _ct);
        }
    }
}
