using AtsParser.Core.Extraction;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing.OpenAi;
using Microsoft.Extensions.Options;
using Prometheus;

namespace AtsParser.Api.Observability;

/// <summary>
/// GET /metrics, served by prometheus-net from this host's registry: ats_* (AtsMetrics), HTTP and process metrics.
/// It sits behind the same authentication as the API (Prometheus sends
/// `authorization: {type: ApiKey, credentials_file: ...}`; the scope is chosen by path in Security), is never rate
/// limited, and is not counted in the HTTP metrics.
/// </summary>
public static class MetricsEndpoints
{
    // The method is a label value, so a request with an invented method would add a series: those are not counted.
    static readonly HashSet<string> CountedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddSingleton(_ =>
        {
            var registry = Metrics.NewCustomRegistry();
            ProcessMetrics.Register(registry);
            return registry;
        });
        services.AddAtsMetrics();
        services.AddHostedService<MetricsStartup>();
        services.AddHostedService<QueueDepthSampler>();
        return services;
    }

    /// <summary>prometheus-net's http_requests_received_total, http_request_duration_seconds and http_requests_in_progress.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        var registry = app.ApplicationServices.GetRequiredService<CollectorRegistry>();
        return app.UseWhen(c => CountedMethods.Contains(c.Request.Method), counted => counted.UseHttpMetrics(o => o.SetMetricFactory(Metrics.WithCustomRegistry(registry))));
    }

    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        var registry = app.ServiceProvider.GetRequiredService<CollectorRegistry>();
        app.MapMetrics(o => o.Registry = registry).WithMetadata(new HttpMethodMetadata(["GET"]));
        return app;
    }

    /// <summary>Installs the model labels and publishes which native tools this instance has.</summary>
    sealed class MetricsStartup(IOptions<OpenAiOptions> openAi, ToolRegistry tools, AtsMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            metrics.UseModels(openAi.Value.Prices.Keys.Append(openAi.Value.Model));
            foreach (var t in tools.All) metrics.ToolAvailable(t.Name, t.Enabled && t.Available, t.Required);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
