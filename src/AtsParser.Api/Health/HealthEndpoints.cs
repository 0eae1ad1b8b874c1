using AtsParser.Api.Caching;
using AtsParser.Api.Storage;
using AtsParser.Api.Warmup;
using AtsParser.Core.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("").WithTags("Health");
        health.MapGet("/health", Live);
        health.MapGet("/health/ready", Ready);
        health.MapGet("/startup-status", StartupStatus);
        return app;
    }

    public static Ok<HealthReport> Live() => TypedResults.Ok(new HealthReport("ok", []));

    /// <summary>
    /// Ready (200) when every required tool is installed and, when storage is configured, the database answers.
    /// Redis down is "degraded" and still 200: parses go on without the cache. Unready (503) while the start-up warm-up
    /// runs (WarmupService, at most WARMUP_MAX_SECONDS).
    /// </summary>
    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Ready(
        HealthCheckService checks, IOptions<StorageOptions> storage, ICacheStore cache, WarmupState warmup, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(r => r.Name switch
        {
            HealthServices.Database => storage.Value.Enabled,
            HealthServices.Redis => cache is RedisCacheStore,
            _ => true,
        }, ct);
        var missing = report.Entries.TryGetValue(HealthServices.Tools, out var tools) && tools.Data.TryGetValue("missing", out var m)
            ? (string[])m : [];
        // No exception text: the probe is anonymous and a connection error can name hosts.
        var entries = report.Entries.Select(e => new CheckReport(e.Key, Lower(e.Value.Status), (long)e.Value.Duration.TotalMilliseconds)).ToList();
        entries.Add(new CheckReport("warmup", warmup.Completed ? "healthy" : "unhealthy", 0));
        if (!warmup.Completed) return TypedResults.Json(new HealthReport("not_ready", missing, entries), statusCode: 503);
        return report.Status switch
        {
            HealthStatus.Healthy => TypedResults.Ok(new HealthReport("ready", missing, entries)),
            HealthStatus.Degraded => TypedResults.Ok(new HealthReport("degraded", missing, entries)),
            _ => TypedResults.Json(new HealthReport("not_ready", missing, entries), statusCode: 503),
        };
    }

    public static Ok<StartupStatus> StartupStatus(ToolRegistry tools) =>
        TypedResults.Ok(new StartupStatus(tools.All.Select(t => new ToolReport(t.Name, t.Path, t.Version, t.Enabled, t.Available, t.Required)).ToList()));

    static string Lower(HealthStatus s) => s switch { HealthStatus.Healthy => "healthy", HealthStatus.Degraded => "degraded", _ => "unhealthy" };
}

/// <summary>`status`: ok (liveness), ready, degraded (still serving) or not_ready (503).</summary>
public sealed record HealthReport(string Status, IReadOnlyList<string> MissingTools, IReadOnlyList<CheckReport>? Checks = null);

public sealed record CheckReport(string Name, string Status, long Ms);

public sealed record ToolReport(string Name, string? Path, string? Version, bool Enabled, bool Available, bool Required);

public sealed record StartupStatus(IReadOnlyList<ToolReport> Tools);
