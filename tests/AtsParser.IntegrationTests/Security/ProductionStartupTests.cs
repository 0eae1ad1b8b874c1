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

    // The start itself (exit code 1, one log line naming the settings) is the process test below. Starting a failing
    // host through WebApplicationFactory raced in CI: its deferred host sometimes reported ObjectDisposedException
    // instead of the validation failure, so the rule is checked here on the validator the service registers.
    [Fact]
    public void Production_refuses_a_configuration_without_any_authentication_and_names_the_settings()
    {
        var production = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };
        var development = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" };

        var refused = new AtsParser.Api.Security.AuthConfigurationValidator(production).Validate(null, new AtsParser.Api.Security.SecurityOptions());

        refused.Failed.Should().BeTrue();
        refused.FailureMessage.Should().Contain("API_KEY_HASHES").And.Contain("JWT_SECRET").And.Contain("AUTH_DISABLED=true");
        new AtsParser.Api.Security.AuthConfigurationValidator(development).Validate(null, new AtsParser.Api.Security.SecurityOptions()).Succeeded.Should().BeTrue();
        new AtsParser.Api.Security.AuthConfigurationValidator(production).Validate(null, new AtsParser.Api.Security.SecurityOptions { AuthDisabled = true }).Succeeded.Should().BeTrue();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_service_process_in_production_without_authentication_exits_1_with_one_clear_log_line()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AtsParser.Api.dll"));
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var name in new[] { "API_KEY_HASHES", "API_KEYS", "JWT_SECRET", "AUTH_DISABLED", "DATABASE_URL", "REDIS_URL" }) psi.Environment.Remove(name);
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(_ct);
        var stderr = process.StandardError.ReadToEndAsync(_ct);
        try { await process.WaitForExitAsync(_ct); }
        finally { if (!process.HasExited) process.Kill(entireProcessTree: true); }

        var output = await stdout + await stderr;
        process.ExitCode.Should().Be(1, output);
        var critical = output.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Critical\"") || l.Contains("\"LogLevel\":\"Error\"")).ToList();
        critical.Should().ContainSingle().Which.Should().Contain("API_KEY_HASHES").And.Contain("AUTH_DISABLED=true");
        output.Should().NotContain("Unhandled exception").And.NotContain("   at ");
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
        var production = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };
        var options = new AtsParser.Api.Security.SecurityOptions { JwtSecret = "a-jwt-signing-secret-of-at-least-32-chars" };

        var result = new AtsParser.Api.Security.AuthConfigurationValidator(production).Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("JWT_ISSUER");
    }
}
