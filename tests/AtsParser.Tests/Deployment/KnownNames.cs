using AtsParser.Api.Infrastructure;
using AtsParser.Api.Security;

namespace AtsParser.Tests.Deployment;

/// <summary>What the service reads and serves, for checking deployment files against.</summary>
public static class KnownNames
{
    /// <summary>Read by ASP.NET Core, the .NET runtime or the native tools rather than by our table.</summary>
    static readonly string[] Platform =
        ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "DOTNET_EnableDiagnostics", "OMP_THREAD_LIMIT", "MALLOC_ARENA_MAX", "DOTNET_gcServer"];

    public static IReadOnlySet<string> EnvironmentNames { get; } =
        WellKnownEnvironment.Names.Concat(Platform).ToHashSet(StringComparer.Ordinal);

    /// <summary>Probe paths must be anonymous, or Production probes get 401.</summary>
    public static IReadOnlyList<string> HealthPaths => SecurityServices.PublicPaths;

    public static readonly string[] SecretNames = ["OPENAI_API_KEY", "DATABASE_URL", "REDIS_URL", "JWT_SECRET", "API_KEY_HASHES", "WEBHOOK_SECRET"];

    public const int ContainerPort = 8080;
}
