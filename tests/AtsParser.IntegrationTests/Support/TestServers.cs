namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// The PostgreSQL and Redis shared by the whole test run: DATABASE_URL / REDIS_URL when set, otherwise throw-away
/// local servers started on first use and stopped when the test process exits. Tests isolate their data with a
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
            _postgres = string.IsNullOrWhiteSpace(url)
                ? await PostgresServer.StartAsync()
                : PostgresServer.External(AtsParser.Api.Storage.PostgresUrl.ToConnectionString(url));
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
            _redis = string.IsNullOrWhiteSpace(url) ? await RedisServer.StartAsync() : RedisServer.External(url);
            StopOnExit(_redis);
            return _redis;
        }
        finally { Gate.Release(); }
    }

    public static string NewKeyPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    static void StopOnExit(IAsyncDisposable server) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(20));
}
