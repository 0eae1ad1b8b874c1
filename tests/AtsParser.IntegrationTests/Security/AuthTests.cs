using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.Api.Security;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Security;

public sealed class SecuredApi : ApiFactory
{
    public const string Key = "ats-test-key-0f6b1c";
    public const string Secret = "a-jwt-signing-secret-of-at-least-32-chars";
    public const string Issuer = "https://auth.example.test";
    public const string Audience = "atsparser";

    public SecuredApi()
    {
        With("Security:ApiKeyHashes", ApiKeyHandler.HashOf(Key) + "," + new string('0', 64));
        With("Security:JwtSecret", Secret).With("Security:JwtIssuer", Issuer).With("Security:JwtAudience", Audience);
    }
}

/// <summary>Authentication over HTTP: API keys, HS256 JWTs, and what stays anonymous.</summary>
public class AuthTests(SecuredApi api) : IClassFixture<SecuredApi>
{
    const string Protected = "/startup-status";
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    async Task<HttpResponseMessage> Get(string path, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        return await api.CreateClient().SendAsync(request, _ct);
    }

    [Fact]
    public async Task A_request_without_credentials_gets_401_with_a_problem_code()
    {
        var r = await Get(Protected);

        r.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        r.Headers.WwwAuthenticate.ToString().Should().Contain("ApiKey").And.Contain("Bearer");
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>(_ct);
        problem.GetProperty("code").GetString().Should().Be("unauthorized");
    }

    [Fact]
    public async Task A_valid_api_key_in_x_api_key_gets_200()
    {
        (await Get(Protected, h => h.Add("X-API-Key", SecuredApi.Key))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_valid_api_key_in_the_authorization_header_gets_200_as_prometheus_sends_it()
    {
        (await Get("/metrics", h => h.Authorization = new AuthenticationHeaderValue("ApiKey", SecuredApi.Key))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_api_key_gets_401()
    {
        (await Get(Protected, h => h.Add("X-API-Key", SecuredApi.Key + "x"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_need_credentials_when_auth_is_on()
    {
        (await Get("/metrics")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_hs256_jwt_gets_200()
    {
        var token = Jwt.Create(SecuredApi.Secret, SecuredApi.Issuer, SecuredApi.Audience);

        (await Get(Protected, h => h.Authorization = new AuthenticationHeaderValue("Bearer", token))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("alg-none")]
    [InlineData("hs512")]
    [InlineData("garbage")]
    public async Task A_bad_jwt_gets_401(string flaw)
    {
        var token = flaw switch
        {
            "wrong-secret" => Jwt.Create("another-secret-that-is-also-32-chars-long", SecuredApi.Issuer, SecuredApi.Audience),
            "wrong-issuer" => Jwt.Create(SecuredApi.Secret, "https://evil.example.test", SecuredApi.Audience),
            "wrong-audience" => Jwt.Create(SecuredApi.Secret, SecuredApi.Issuer, "someone-else"),
            "expired" => Jwt.Create(SecuredApi.Secret, SecuredApi.Issuer, SecuredApi.Audience, DateTimeOffset.UtcNow.AddHours(-1)),
            "alg-none" => string.Join('.', Jwt.Create(SecuredApi.Secret, SecuredApi.Issuer, SecuredApi.Audience, alg: "none").Split('.')[..2]) + ".",
            "hs512" => Jwt.Create(SecuredApi.Secret, SecuredApi.Issuer, SecuredApi.Audience, alg: "HS512"),
            _ => "not.a.jwt",
        };

        (await Get(Protected, h => h.Authorization = new AuthenticationHeaderValue("Bearer", token))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_probes_stay_anonymous(string path)
    {
        (await Get(path)).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Parsing_without_credentials_is_refused_before_the_upload_is_read()
    {
        var form = ApiFactory.Form("file", ("cv.txt", "Jane Doe\nSoftware engineer with ten years of experience"u8.ToArray()));

        var r = await api.CreateClient().PostAsync("/api/v1/parse", form, _ct);

        r.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
