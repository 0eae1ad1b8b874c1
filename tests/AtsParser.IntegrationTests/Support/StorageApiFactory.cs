using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// The service wired to real servers: its own fresh database (migrated at start-up) and its own Redis key prefix,
/// so tests never see each other's rows or cache entries. Settings are added last, so they beat DATABASE_URL / REDIS_URL.
/// </summary>
public sealed class StorageApiFactory : ApiFactory
{
    readonly Dictionary<string, string?> _overrides = new();

    public string DatabaseConnectionString { get; private set; } = "";
    public string? RedisUrl { get; private set; }
    public string KeyPrefix { get; } = TestServers.NewKeyPrefix();

    /// <summary>Shared servers unless given; `redis: null` with useRedis=false gives the in-process memory cache.</summary>
    public static async Task<StorageApiFactory> CreateAsync(PostgresServer? postgres = null, RedisServer? redis = null, bool useRedis = true,
        params (string Key, string? Value)[] settings)
    {
        var f = new StorageApiFactory();
        postgres ??= await TestServers.PostgresAsync();
        f.DatabaseConnectionString = await postgres.CreateDatabaseAsync();
        if (useRedis) f.RedisUrl = (redis ?? await TestServers.RedisAsync()).Url;
        f.Set("Storage:ConnectionString", f.DatabaseConnectionString).Set("Storage:MigrateOnStartup", "true")
         .Set("Cache:RedisUrl", f.RedisUrl ?? "").Set("Cache:KeyPrefix", f.KeyPrefix)
         .Set("Embeddings:Provider", "lexical")
         // A loaded 2-core CI machine can stall a healthy Redis for longer than the production default of 250 ms.
         .Set("Cache:OperationTimeoutMs", "5000");
        foreach (var (k, v) in settings) f.Set(k, v);
        return f;
    }

    public StorageApiFactory Set(string key, string? value) { _overrides[key] = value; return this; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(_overrides));
    }
}
