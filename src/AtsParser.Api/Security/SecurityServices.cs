using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AtsParser.Api.Security;

/// <summary>
/// Authentication (API keys, HS256 JWTs), the authorization rule "everything but health needs a caller when auth is on",
/// rate limits, CORS, security headers and per-endpoint body limits.
/// </summary>
public static class SecurityServices
{
    const string Combined = "ApiKeyOrBearer";

    /// <summary>Liveness and readiness stay anonymous so that orchestrators can probe them; nothing else does.</summary>
    public static readonly string[] PublicPaths = ["/health", "/health/ready"];

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddOptions<SecurityOptions>().Bind(config.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<IValidateOptions<SecurityOptions>>(new AuthConfigurationValidator(env));

        services.AddAuthentication(Combined)
            .AddPolicyScheme(Combined, "API key or bearer JWT", o =>
            {
                o.ForwardDefaultSelector = http =>
                    ApiKeyHandler.Presented(http.Request) is null && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? JwtBearerDefaults.AuthenticationScheme : ApiKeyHandler.SchemeName;
                o.ForwardChallenge = ApiKeyHandler.SchemeName;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            var s = security.Value;
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                // Without a secret no key validates, so a bearer token is simply rejected.
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(s.JwtSecret ?? Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"))),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidIssuer = s.JwtIssuer,
                ValidAudience = s.JwtAudience,
                ValidateIssuer = true,
                ValidateAudience = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
            };
            o.Events = new JwtBearerEvents
            {
                OnAuthenticationFailed = ctx =>
                {
                    Log.AuthFailed(ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AtsParser.Api.Security"),
                        JwtBearerDefaults.AuthenticationScheme, ctx.Exception.GetType().Name, ctx.Request.Path);
                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            if (security.Value.AuthEnforced)
                o.FallbackPolicy = new AuthorizationPolicyBuilder(Combined).AddRequirements(new CallerRequired()).Build();
        });
        services.AddSingleton<IAuthorizationHandler, CallerRequiredHandler>();

        services.AddSecurityRateLimits(env);
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            var origins = security.Value.Origins();
            if (origins.Count == 0) return;
            o.AddDefaultPolicy(p =>
            {
                if (origins.Contains("*")) p.AllowAnyOrigin(); else p.WithOrigins([.. origins]);
                p.WithMethods("GET", "POST", "DELETE").WithHeaders(ApiKeyHandler.Header, "Authorization", "Content-Type")
                 .WithExposedHeaders("Retry-After", "Location", "X-Cache").SetPreflightMaxAge(TimeSpan.FromHours(1));
            });
        });
        services.AddHostedService<SecurityStartupLog>();
        return services;
    }

    /// <summary>
    /// Order matters: headers on every response; CORS before auth (preflights carry no credentials); rate limits after
    /// authentication (to know the caller) but before authorization, so guessing keys is rate limited too.
    /// </summary>
    public static IApplicationBuilder UseSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }

    public static bool IsPublic(PathString path) => PublicPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    sealed class CallerRequired : IAuthorizationRequirement;

    /// <summary>The fallback rule: an authenticated caller, except on the public health paths.</summary>
    sealed class CallerRequiredHandler : AuthorizationHandler<CallerRequired>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequired requirement)
        {
            var isPublic = context.Resource is HttpContext http && IsPublic(http.Request.Path);
            if (isPublic || context.User.Identity?.IsAuthenticated == true) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    sealed class SecurityStartupLog(IOptions<SecurityOptions> security, IHostEnvironment env, ILogger<SecurityStartupLog> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            var s = security.Value;
            if (s.AuthDisabled && env.IsProduction()) Log.AuthDisabledInProduction(logger);
            Log.SecurityConfigured(logger, s.AuthEnforced, s.KeyHashes().Count, s.JwtEnabled, s.EffectiveRateLimit(env), s.Origins().Count);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
