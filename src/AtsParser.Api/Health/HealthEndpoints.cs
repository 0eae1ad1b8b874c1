using AtsParser.Core.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>Ready when every required tool (pdftotext, pdfinfo, and every enabled feature's tools) is installed.</summary>
    public static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Ready(ToolRegistry tools)
    {
        var missing = tools.All.Where(t => t.Required && !t.Available).Select(t => t.Name).ToList();
        return missing.Count == 0
            ? TypedResults.Ok(new HealthReport("ready", []))
            : TypedResults.Json(new HealthReport("not_ready", missing), statusCode: 503);
    }

    public static Ok<StartupStatus> StartupStatus(ToolRegistry tools) =>
        TypedResults.Ok(new StartupStatus(tools.All.Select(t => new ToolReport(t.Name, t.Path, t.Version, t.Enabled, t.Available, t.Required)).ToList()));
}

public sealed record HealthReport(string Status, IReadOnlyList<string> MissingTools);

public sealed record ToolReport(string Name, string? Path, string? Version, bool Enabled, bool Available, bool Required);

public sealed record StartupStatus(IReadOnlyList<ToolReport> Tools);
