using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing.OpenAi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using AtsParser.Core.Observability;

namespace AtsParser.Api.Observability;

/// <summary>
/// GET /metrics in the Prometheus text format. It sits behind the same authentication as the API (Prometheus sends
/// `authorization: {type: ApiKey, credentials_file: ...}`), is never rate limited, and is not counted in the HTTP metrics.
/// </summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddHostedService<MetricsStartup>();
        services.AddHostedService<QueueDepthSampler>();
        // Started here, not at first scrape, so measurements made during start-up are kept.
        MetricsCollector.EnsureStarted();
        ProcessMetrics.EnsureRegistered();
        return services;
    }

    public static IApplicationBuilder UseHttpMetrics(this IApplicationBuilder app) => app.UseMiddleware<HttpMetricsMiddleware>();

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", Scrape).WithTags("Observability").ExcludeFromDescription();
        return app;
    }

    public static ContentHttpResult Scrape() =>
        TypedResults.Text(PrometheusText.Write(MetricsCollector.Instance.Snapshot()), PrometheusText.ContentType);

    /// <summary>Installs the model labels and publishes which native tools this instance has.</summary>
    sealed class MetricsStartup(IOptions<OpenAiOptions> openAi, ToolRegistry tools) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            AtsMetrics.UseModels(openAi.Value.Prices.Keys.Append(openAi.Value.Model));
            foreach (var t in tools.All) AtsMetrics.ToolAvailable(t.Name, t.Enabled && t.Available, t.Required);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
