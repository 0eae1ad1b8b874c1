namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// The PostgreSQL and Redis shared by the whole test run: DATABASE_URL / REDIS_URL when set; Testcontainers when
/// ATS_TEST_SERVERS=containers and a Docker engine answers; otherwise throw-away local servers. Each is started on
/// first use, stopped when the test process exits, and one line on stderr says which was used. Tests isolate their data with a
/// fresh database (PostgresServer.CreateDatabaseAsync) and a unique Redis key prefix (NewKeyPrefix).
/// Tests that stop a server start their own instance instead of touching these.
/// </summary>
public static class TestServers
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static PostgresServer? _postgres;
    static RedisServer? _redis;

    public static async Task<PostgresServer> PostgresAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_postgres is not null) return _postgres;
            var url = Environment.GetEnvironmentVariable("DATABASE_URL");
            _postgres = !string.IsNullOrWhiteSpace(url) ? PostgresServer.External(AtsParser.Api.Storage.PostgresUrl.ToConnectionString(url))
                : await TestContainers.TryPostgresAsync() ?? await StartLocal("PostgreSQL", PostgresServer.StartAsync);
            StopOnExit(_postgres);
            return _postgres;
        }
        finally { Gate.Release(); }
    }

    public static async Task<RedisServer> RedisAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_redis is not null) return _redis;
            var url = Environment.GetEnvironmentVariable("REDIS_URL");
            _redis = !string.IsNullOrWhiteSpace(url) ? RedisServer.External(url)
                : await TestContainers.TryRedisAsync() ?? await StartLocal("Redis", () => RedisServer.StartAsync());
            StopOnExit(_redis);
            return _redis;
        }
        finally { Gate.Release(); }
    }

    static async Task<T> StartLocal<T>(string what, Func<Task<T>> start)
    {
        var server = await start();
        if (!TestContainers.Requested) Console.Error.WriteLine($"test servers: {what} as a local throw-away server (ATS_TEST_SERVERS=containers uses Testcontainers)");
        return server;
    }

    public static string NewKeyPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    static void StopOnExit(IAsyncDisposable server) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(20));
}
