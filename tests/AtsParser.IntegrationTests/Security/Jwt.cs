using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AtsParser.IntegrationTests.Security;

/// <summary>Mints HS256 tokens by hand (RFC 7519), independently of the library the service validates them with.</summary>
public static class Jwt
{
    public const string AllScopes = "parse resumes:read resumes:write jobs search metrics admin";

    /// <param name="tenant">The `tenant` claim (null: none, which the service refuses).</param>
    /// <param name="scope">The OAuth-style space-separated `scope` claim (null: none).</param>
    public static string Create(string secret, string issuer, string audience, DateTimeOffset? expires = null, string alg = "HS256",
        string? tenant = "default", string? scope = AllScopes)
    {
        var header = new { alg, typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["sub"] = "recruiting-app",
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = (expires ?? DateTimeOffset.UtcNow.AddMinutes(10)).ToUnixTimeSeconds(),
        };
        if (tenant is not null) payload["tenant"] = tenant;
        if (scope is not null) payload["scope"] = scope;
        var signingInput = B64(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + B64(JsonSerializer.SerializeToUtf8Bytes(payload));
        // HS512 is signed correctly on purpose: the service accepts HS256 only, so it must still refuse the token.
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = alg == "HS512" ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);
        return signingInput + "." + B64(signature);
    }

    static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
