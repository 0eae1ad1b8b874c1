namespace AtsParser.Api.Infrastructure;

/// <summary>
/// SIGTERM (`docker stop`, a scale-in, a deploy): requests in flight get SHUTDOWN_TIMEOUT_SECONDS to finish, then they
/// are cancelled (which kills their tool processes) and the process exits on its own. The default, 7 s, stays under the
/// 10 s that Docker and Cloud Run wait before SIGKILL; raise it together with the platform's grace period. Every hosted
/// service stops at once, so the job worker hands its running files back to the queue while requests drain, not after
/// (stopped one after another, the HTTP drain could spend the whole timeout and the hand-back never run).
/// </summary>
public static class GracefulStop
{
    /// <summary>The host's own key, so `DOTNET_SHUTDOWNTIMEOUTSECONDS` means the same.</summary>
    public const string Key = "shutdownTimeoutSeconds";
    public const int DefaultSeconds = 7;

    public static IServiceCollection AddGracefulStop(this IServiceCollection services)
    {
        services.AddOptions<HostOptions>().Configure<IConfiguration>((o, config) =>
        {
            var seconds = config.GetValue(Key, DefaultSeconds);
            if (seconds is < 1 or > 3600)
                throw new InvalidOperationException($"SHUTDOWN_TIMEOUT_SECONDS is {seconds}: give 1 to 3600 seconds, less than the platform waits before SIGKILL.");
            o.ShutdownTimeout = TimeSpan.FromSeconds(seconds);
            o.ServicesStopConcurrently = true;
        });
        return services;
    }
}
