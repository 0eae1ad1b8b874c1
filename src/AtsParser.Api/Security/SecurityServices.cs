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
                o.ForwardForbid = ApiKeyHandler.SchemeName;
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
                // A token names its tenant (`tenant` claim, required) and scopes (`scope`, space-separated, or `scp`).
                OnTokenValidated = ctx =>
                {
                    var tenant = ctx.Principal?.FindFirst(Tenancy.TenantClaim)?.Value;
                    if (tenant is null || !Tenancy.IsValidTenant(tenant))
                    {
                        Log.AuthFailed(ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AtsParser.Api.Security"),
                            JwtBearerDefaults.AuthenticationScheme, "no_tenant_claim", ctx.Request.Path);
                        RateLimits.MarkAuthFailed(ctx.HttpContext);
                        ctx.Fail("The token has no valid `tenant` claim.");
                        return Task.CompletedTask;
                    }
                    var scopes = ctx.Principal!.FindAll(c => c.Type is "scope" or "scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        .Where(Scopes.All.Contains).Distinct().ToList(); // materialised: the identity's claims change below
                    ((System.Security.Claims.ClaimsIdentity)ctx.Principal.Identity!).AddClaims(scopes.Select(x => new System.Security.Claims.Claim(Tenancy.ScopeClaim, x)));
                    return Task.CompletedTask;
                },
                OnAuthenticationFailed = ctx =>
                {
                    RateLimits.MarkAuthFailed(ctx.HttpContext);
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
            foreach (var scope in Scopes.All)
                o.AddPolicy(Tenancy.PolicyName(scope), new AuthorizationPolicyBuilder(Combined).AddRequirements(new ScopeRequirement(scope)).Build());
        });
        services.AddSingleton<IAuthorizationHandler, CallerRequiredHandler>();
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();

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

    /// <summary>Routes mapped outside the features (metrics, tool inventory) and the scope they need.</summary>
    public static string? ScopeForPath(PathString path) =>
        path.StartsWithSegments("/metrics") ? Scopes.Metrics : path.StartsWithSegments("/startup-status") ? Scopes.Admin : null;

    /// <summary>
    /// The fallback rule for routes without a scope of their own: anonymous on the health paths; /metrics needs
    /// `metrics` and /startup-status `admin`; anything else (API docs, schemas) any scope but `metrics` alone, so a
    /// scrape-only key can scrape and nothing more.
    /// </summary>
    sealed class CallerRequiredHandler : AuthorizationHandler<CallerRequired>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequired requirement)
        {
            var path = context.Resource is HttpContext http ? http.Request.Path : PathString.Empty;
            if (IsPublic(path)) { context.Succeed(requirement); return Task.CompletedTask; }
            var user = context.User;
            if (user.Identity?.IsAuthenticated != true) return Task.CompletedTask;
            var allowed = ScopeForPath(path) is { } scope
                ? user.HasClaim(Tenancy.ScopeClaim, scope)
                : user.FindAll(Tenancy.ScopeClaim).Any(c => c.Value != Scopes.Metrics);
            if (allowed) context.Succeed(requirement);
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
