using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Comma-separated lowercase hex SHA-256 hashes of the accepted API keys (API_KEY_HASHES); keys are never stored.</summary>
    [RegularExpression(@"^\s*([0-9a-fA-F]{64}\s*(,\s*[0-9a-fA-F]{64}\s*)*)?$", ErrorMessage = "Security:ApiKeyHashes (API_KEY_HASHES) must be comma-separated 64-character hex SHA-256 hashes of the keys.")]
    public string ApiKeyHashes { get; set; } = "";

    /// <summary>
    /// API keys with a tenant and scopes (API_KEYS): `HASH tenant=NAME scopes=S1,S2` entries separated by `;`
    /// (see ApiKeyEntry). API_KEY_HASHES entries are the default tenant with every scope.
    /// </summary>
    public string ApiKeys { get; set; } = "";

    /// <summary>HS256 signing secret for bearer JWTs (JWT_SECRET); 32 bytes or more, as HS256 requires.</summary>
    [MinLength(32, ErrorMessage = "Security:JwtSecret (JWT_SECRET) must be at least 32 characters.")]
    public string? JwtSecret { get; set; }

    public string? JwtIssuer { get; set; }
    public string? JwtAudience { get; set; }

    /// <summary>AUTH_DISABLED=true: run without authentication even in Production (e.g. behind an authenticating gateway).</summary>
    public bool AuthDisabled { get; set; }

    /// <summary>Requests per minute per API key, token subject or client IP (RATE_LIMIT_PER_MINUTE); 0 turns it off.
    /// Unset: 300 in Production, off elsewhere.</summary>
    [Range(0, 1_000_000)] public int? RateLimitPerMinute { get; set; }

    /// <summary>Comma-separated browser origins allowed by CORS (CORS_ORIGINS); empty means no cross-origin access.</summary>
    public string CorsOrigins { get; set; } = "";

    public IReadOnlyList<string> KeyHashes() =>
        ApiKeyHashes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h => h.ToLowerInvariant()).ToList();

    /// <summary>Every accepted key: API_KEYS entries, then API_KEY_HASHES as the default tenant with all scopes.</summary>
    public IReadOnlyList<ApiKeyEntry> Keys() =>
        [.. ApiKeyEntry.ParseAll(ApiKeys).Entries, .. KeyHashes().Select(h => new ApiKeyEntry(h, Tenancy.DefaultTenant, Scopes.All))];

    public bool JwtEnabled => !string.IsNullOrEmpty(JwtSecret);

    /// <summary>Authentication is enforced whenever some credential is configured and it is not explicitly disabled.</summary>
    public bool AuthEnforced => !AuthDisabled && (Keys().Count > 0 || JwtEnabled);

    public int EffectiveRateLimit(IHostEnvironment env) => RateLimitPerMinute ?? (env.IsProduction() ? 300 : 0);

    public IReadOnlyList<string> Origins() =>
        CorsOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => o.TrimEnd('/')).ToList();
}

[OptionsValidator]
public sealed partial class SecurityOptionsValidator : IValidateOptions<SecurityOptions>;

/// <summary>
/// The rules that span settings: Production never starts open by accident, and a JWT secret comes with the issuer and
/// audience it is checked against.
/// </summary>
public sealed class AuthConfigurationValidator(IHostEnvironment env) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions o)
    {
        var errors = new List<string>();
        errors.AddRange(ApiKeyEntry.ParseAll(o.ApiKeys).Errors);
        if (env.IsProduction() && !o.AuthDisabled && o.Keys().Count == 0 && !o.JwtEnabled)
            errors.Add("Authentication is not configured in Production: set API_KEYS or API_KEY_HASHES (SHA-256 hashes of API keys) or JWT_SECRET with JWT_ISSUER and JWT_AUDIENCE, or set AUTH_DISABLED=true to run without authentication on purpose.");
        if (o.JwtEnabled && (string.IsNullOrWhiteSpace(o.JwtIssuer) || string.IsNullOrWhiteSpace(o.JwtAudience)))
            errors.Add("JWT_SECRET is set but JWT_ISSUER or JWT_AUDIENCE is not: tokens are checked against both.");
        foreach (var origin in o.Origins())
            if (origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
                errors.Add($"CORS_ORIGINS: '{origin}' is not an absolute origin such as https://app.example.com.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
