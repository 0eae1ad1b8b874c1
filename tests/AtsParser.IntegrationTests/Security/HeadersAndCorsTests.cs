using System.Net;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Security;

public class HeadersAndCorsTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var api = new ApiFactory();

        var r = await api.CreateClient().GetAsync("/health", _ct);

        r.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        r.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        r.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        r.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        r.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_origins()
    {
        await using var api = new ApiFactory().With("Security:CorsOrigins", "https://app.example.test");
        var client = api.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://app.example.test"), _ct);
        var other = await client.SendAsync(Preflight("https://evil.example.test"), _ct);

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://app.example.test");
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("X-API-Key");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    static HttpRequestMessage Preflight(string origin)
    {
        var r = new HttpRequestMessage(HttpMethod.Options, "/api/v1/parse");
        r.Headers.Add("Origin", origin);
        r.Headers.Add("Access-Control-Request-Method", "POST");
        r.Headers.Add("Access-Control-Request-Headers", "X-API-Key");
        return r;
    }
}
