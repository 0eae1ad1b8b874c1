using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace AtsParser.Core.Observability;

public static class ObservabilityServices
{
    /// <summary>
    /// A CollectorRegistry and the ats_* metrics on it, once per service provider. Never prometheus-net's static default
    /// registry: hosts started side by side in one process (tests) would add into each other's counts.
    /// </summary>
    public static IServiceCollection AddAtsMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => Metrics.NewCustomRegistry());
        services.TryAddSingleton<AtsMetrics>();
        return services;
    }
}
