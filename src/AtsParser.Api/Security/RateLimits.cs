using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Security;

/// <summary>
/// A fixed one-minute window per caller: the API key or token subject when authenticated, otherwise the client IP
/// (behind a load balancer set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so that is the real client). Anonymous health
/// probes are never limited; a failed credential is limited everywhere. Rejections answer 429 with Retry-After and a ProblemDetails `rate_limited`.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddSecurityRateLimits(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>, ILoggerFactory>((o, security, loggers) =>
        {
            var perMinute = security.Value.EffectiveRateLimit(env);
            var logger = loggers.CreateLogger("AtsParser.Api.Security");
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // A credential that failed counts everywhere, health and /metrics included, so keys cannot be guessed
                // through an unlimited path; otherwise only the anonymous health probes go unlimited.
                if (perMinute == 0 || (SecurityServices.IsPublic(http.Request.Path) && !AuthFailed(http)))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                int? retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;
                ctx.HttpContext.Response.Headers.RetryAfter = (retryAfter ?? 60).ToString(CultureInfo.InvariantCulture);
                Log.RateLimited(logger, PartitionOf(ctx.HttpContext).StartsWith("ip:", StringComparison.Ordinal) ? "ip" : "caller", ctx.HttpContext.Request.Path);
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = ctx.HttpContext, ProblemDetails = SecurityProblems.RateLimited(retryAfter) });
            };
        });
        return services;
    }

    const string FailedKey = "ats:auth-failed";

    /// <summary>Called by every scheme when a presented credential is refused (the framework records only successes).</summary>
    public static void MarkAuthFailed(HttpContext http) => http.Items[FailedKey] = true;

    static bool AuthFailed(HttpContext http) => http.Items.ContainsKey(FailedKey);

    static string PartitionOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "caller:" + name : "ip:" + http.Connection.RemoteIpAddress;
}
