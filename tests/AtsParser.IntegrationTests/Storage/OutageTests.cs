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

    // Npgsql's own default waits 15 s for the start-up answer; the request's 10 s cancellation fails the test before that.
    [Fact(Timeout = 120_000)]
    public async Task A_database_that_accepts_and_never_answers_gives_503_storage_unavailable_with_retry_after_within_the_connect_timeout()
    {
        using var hung = new HungServer();
        await using var api = new StorageApiFactory()
            .Set("Storage:ConnectionString", $"Host=127.0.0.1;Port={hung.Port};Username=u;Password=p;Database=d")
            .Set("Storage:ConnectTimeoutSeconds", "2").Set("Cache:RedisUrl", "").Set("Jobs:WorkerEnabled", "false");
        var client = api.CreateClient();
        // The first call also pays for start-up and EF Core's model on a loaded machine; the clock starts after it.
        (await client.GetAsync("/api/v1/resumes")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var list = await client.GetAsync("/api/v1/resumes", within.Token);

        list.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await list.JsonAsync()).GetProperty("code").GetString().Should().Be("storage_unavailable");
        list.Headers.RetryAfter!.Delta.Should().BePositive();
        hung.Accepted.Should().BePositive("the request reached the hung server");
    }

    /// <summary>Accepts TCP connections on loopback and never sends a byte, like a database stuck before its start-up answer.</summary>
    sealed class HungServer : IDisposable
    {
        readonly System.Net.Sockets.TcpListener _listener = new(IPAddress.Loopback, 0);
        readonly List<System.Net.Sockets.TcpClient> _clients = [];
        readonly CancellationTokenSource _stop = new();
        int _accepted;

        public HungServer()
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        var c = await _listener.AcceptTcpClientAsync(_stop.Token);
                        lock (_clients) _clients.Add(c);
                        Interlocked.Increment(ref _accepted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException) { }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Accepted => Volatile.Read(ref _accepted);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_clients) foreach (var c in _clients) c.Dispose();
        }
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
