using System.Net;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.IntegrationTests.Security;

public sealed class ProductionApi : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public class ProductionStartupTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    [Fact]
    public void Production_refuses_to_start_without_any_authentication_and_names_the_settings()
    {
        using var api = new ProductionApi();

        var start = () => api.CreateClient();

        start.Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("API_KEY_HASHES").And.Contain("JWT_SECRET").And.Contain("AUTH_DISABLED=true");
    }

    [Fact]
    public async Task Production_starts_open_only_when_auth_disabled_says_so()
    {
        await using var api = new ProductionApi();
        api.With("Security:AuthDisabled", "true");

        (await api.CreateClient().GetAsync("/startup-status", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Production_with_an_api_key_requires_it_on_every_non_health_endpoint()
    {
        await using var api = new ProductionApi();
        api.With("Security:ApiKeyHashes", Api.Security.ApiKeyHandler.HashOf("prod-key"));
        var client = api.CreateClient();

        foreach (var path in new[] { "/startup-status", "/metrics", "/openapi/v1.json" })
            (await client.GetAsync(path, _ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        (await client.GetAsync("/health", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void A_jwt_secret_without_issuer_and_audience_is_refused()
    {
        using var api = new ProductionApi();
        api.With("Security:JwtSecret", "a-jwt-signing-secret-of-at-least-32-chars");

        var start = () => api.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("JWT_ISSUER");
    }
}
