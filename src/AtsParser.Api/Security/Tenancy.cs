using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Security;

/// <summary>What a credential may do. A key or token carries a subset; `*` in API_KEYS means all of them.</summary>
public static class Scopes
{
    public const string Parse = "parse";
    public const string ResumesRead = "resumes:read";
    public const string ResumesWrite = "resumes:write";
    public const string Jobs = "jobs";
    public const string Search = "search";
    public const string Metrics = "metrics";
    public const string Admin = "admin";

    public static readonly string[] All = [Parse, ResumesRead, ResumesWrite, Jobs, Search, Metrics, Admin];
}

/// <summary>
/// The caller's tenant and scopes, as claims on the principal: `tenant` and one `ats:scope` per scope. Stored
/// resumes, embeddings, jobs (with their webhooks), search and dedupe are partitioned by tenant. With
/// authentication off every request is the default tenant with every scope.
/// </summary>
public static partial class Tenancy
{
    public const string DefaultTenant = "default";
    public const string TenantClaim = "tenant";
    public const string ScopeClaim = "ats:scope";

    public static string TenantOf(HttpContext http) => http.User.FindFirst(TenantClaim)?.Value ?? DefaultTenant;

    public static bool Has(HttpContext http, string scope) =>
        !http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AuthEnforced
        || http.User.HasClaim(ScopeClaim, scope);

    /// <summary>For scopes that depend on the request (store=true needs resumes:write): 403 `forbidden` naming the scope.</summary>
    public static void Require(HttpContext http, string scope)
    {
        if (!Has(http, scope)) throw new ScopeException(scope);
    }

    public static IEnumerable<Claim> Claims(string tenant, IEnumerable<string> scopes) =>
        [new Claim(TenantClaim, tenant), .. scopes.Select(s => new Claim(ScopeClaim, s))];

    public static bool IsValidTenant(string tenant) => TenantRegex().IsMatch(tenant);

    /// <summary>The endpoint needs this scope (checked by the authorization policy of the same name; named in 403s).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope)).RequireAuthorization(PolicyName(scope));

    public static string PolicyName(string scope) => "scope:" + scope;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex TenantRegex();
}

public sealed record RequiredScope(string Scope);

public sealed class ScopeException(string scope)
    : AtsParser.Core.Documents.CodedException(AtsParser.Core.Documents.ErrorCodes.Forbidden, $"This request needs the '{scope}' scope, which the API key or token does not carry")
{
    public string Scope { get; } = scope;
}

/// <summary>One API_KEYS entry: the key's SHA-256, its tenant and scopes.</summary>
public sealed record ApiKeyEntry(string Hash, string Tenant, IReadOnlyList<string> Scopes)
{
    /// <summary>
    /// API_KEYS: entries separated by `;`, each `HASH tenant=NAME scopes=S1,S2` (scopes `*` = all), e.g.
    /// `3f5a… tenant=acme scopes=parse,resumes:read,resumes:write,search; 9c1d… tenant=ops scopes=metrics`.
    /// </summary>
    public static (List<ApiKeyEntry> Entries, List<string> Errors) ParseAll(string? raw)
    {
        var entries = new List<ApiKeyEntry>();
        var errors = new List<string>();
        foreach (var (entry, index) in (raw ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((e, i) => (e, i + 1)))
        {
            var parts = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var hash = parts[0].ToLowerInvariant();
            string? tenant = null;
            string[]? scopes = null;
            foreach (var part in parts.Skip(1))
            {
                if (part.StartsWith("tenant=", StringComparison.Ordinal)) tenant = part[7..];
                else if (part.StartsWith("scopes=", StringComparison.Ordinal)) scopes = part[7..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                else errors.Add($"API_KEYS entry {index}: unknown field '{part.Split('=')[0]}' (expected tenant=NAME scopes=S1,S2).");
            }
            if (hash.Length != 64 || !hash.All(Uri.IsHexDigit)) errors.Add($"API_KEYS entry {index}: the first field must be the key's 64-character hex SHA-256 (printf %s \"$KEY\" | sha256sum).");
            if (tenant is null || !Tenancy.IsValidTenant(tenant)) errors.Add($"API_KEYS entry {index}: tenant=NAME is required (letters, digits, '_', '.', '-'; up to 64).");
            if (scopes is null || scopes.Length == 0) errors.Add($"API_KEYS entry {index}: scopes=S1,S2 is required ({string.Join(", ", Security.Scopes.All)}, or *).");
            else if (scopes.FirstOrDefault(s => s != "*" && !Security.Scopes.All.Contains(s)) is { } unknown)
                errors.Add($"API_KEYS entry {index}: unknown scope '{unknown}' (known: {string.Join(", ", Security.Scopes.All)}, or *).");
            if (tenant is not null && scopes is not null)
                entries.Add(new ApiKeyEntry(hash, tenant, scopes.Contains("*") ? Security.Scopes.All : scopes.Distinct().ToArray()));
        }
        return (entries, errors);
    }
}

/// <summary>`scope:X` policies: the caller must be authenticated and carry X, unless authentication is off.</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

public sealed class ScopeRequirementHandler(IOptions<SecurityOptions> security) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (!security.Value.AuthEnforced || (context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(Tenancy.ScopeClaim, requirement.Scope)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
