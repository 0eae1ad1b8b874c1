using AtsParser.Api.Caching;
using AtsParser.Core.Extraction;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AtsParser.Api.Health;

public static class HealthServices
{
    public const string Tools = "tools", Database = "database", Redis = "redis";

    /// <summary>
    /// Readiness checks: tools and the database make the service unready; Redis only degrades it, because every parse
    /// still answers without the cache. Which of them run is decided per request (HealthEndpoints.Ready), from the settings.
    /// </summary>
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ToolsHealthCheck>(Tools)
            // The data source the storage uses, so the probe sees its settings (timeouts, pool) and nothing else.
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: Database, failureStatus: HealthStatus.Unhealthy, timeout: TimeSpan.FromSeconds(5))
            // The cache's own multiplexer: a probe neither opens a second connection nor waits for one.
            .AddRedis(sp => ((RedisCacheStore)sp.GetRequiredService<ICacheStore>()).ConnectedMultiplexer, name: Redis,
                failureStatus: HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(2));
        return services;
    }
}

sealed class ToolsHealthCheck(ToolRegistry tools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var missing = tools.All.Where(t => t.Required && !t.Available).Select(t => t.Name).ToArray();
        return Task.FromResult(missing.Length == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("required tools are missing", data: new Dictionary<string, object> { ["missing"] = missing }));
    }
}
