using AtsParser.Api.Infrastructure;
using AtsParser.Core.Documents;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Security;

/// <summary>
/// API keys from `X-API-Key: KEY` (or `Authorization: ApiKey KEY`, which Prometheus can send). Only SHA-256 hashes
/// of keys are configured; a presented key is hashed and compared in constant time. The principal's name is
/// "key:" plus the first 12 hex digits of the hash, enough to tell keys apart in logs and rate limits, useless to an attacker.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    IOptions<SecurityOptions> security, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-API-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Presented(Request);
        if (key is null) return Task.FromResult(AuthenticateResult.NoResult());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        foreach (var configured in security.Value.Keys())
        {
            if (!CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(configured.Hash))) continue;
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "key:" + configured.Hash[..12]), .. Tenancy.Claims(configured.Tenant, configured.Scopes)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        Log.AuthFailed(Logger, SchemeName, "unknown_key", Request.Path);
        RateLimits.MarkAuthFailed(Context);
        return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
    }

    /// <summary>Every 401 of the service, whichever scheme failed: ProblemDetails with code `unauthorized`.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = security.Value.JwtEnabled ? "ApiKey, Bearer" : "ApiKey";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = SecurityProblems.Unauthorized(security.Value.JwtEnabled),
        });
    }

    /// <summary>Every 403: ProblemDetails `forbidden` naming the scope the endpoint needs.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? SecurityServices.ScopeForPath(Request.Path);
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = SecurityProblems.Forbidden(scope) });
    }

    internal static string? Presented(HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        if (header.Length > 0) return header.Trim();
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }

    /// <summary>The value to put in API_KEY_HASHES for a key (same as `printf %s "$KEY" | sha256sum`).</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public static class SecurityProblems
{
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Unauthorized(bool jwt) => Problems.For(ErrorCodes.Unauthorized,
        jwt ? null : "This server accepts API keys, not bearer tokens");

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Forbidden(string? scope) =>
        scope is null ? Problems.For(ErrorCodes.Forbidden) : Problems.For(new ScopeException(scope));

    public static Microsoft.AspNetCore.Mvc.ProblemDetails RateLimited(int? retryAfterSeconds) => Problems.For(ErrorCodes.RateLimited,
        $"The rate limit (RATE_LIMIT_PER_MINUTE) was reached for this API key or client. Retry after {retryAfterSeconds ?? 60} seconds");
}
