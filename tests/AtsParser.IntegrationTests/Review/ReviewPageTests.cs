using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.IntegrationTests.Security;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Review;

/// <summary>How the service serves the review page: public static files under a strict CSP, the API still behind keys.</summary>
public sealed class ReviewPageTests(SecuredApi api) : IClassFixture<SecuredApi>
{
    [Fact]
    public async Task The_page_loads_without_a_key_while_the_api_it_calls_still_needs_one()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });

        var root = await client.GetAsync("/");
        root.StatusCode.Should().Be(HttpStatusCode.Redirect);
        root.Headers.Location!.ToString().Should().Be("/ui/");
        var page = await client.GetAsync("/ui/");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().Contain("<script type=\"module\" src=\"js/app.js\">");
        var script = await client.GetAsync("/ui/js/app.js");
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        var config = await client.GetFromJsonAsync<JsonElement>("/ui/config.json");
        config.GetProperty("authRequired").GetBoolean().Should().BeTrue();
        (await client.GetAsync("/api/v1/resumes")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_page_is_served_with_a_csp_that_allows_only_its_own_scripts_and_no_inline_code()
    {
        var page = await api.CreateClient().GetAsync("/ui/index.html");

        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var api404 = await api.CreateClient().GetAsync("/ui/nope.js");
        api404.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api404.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("ui_file_not_found");
        (await api.CreateClient().GetAsync("/ui/..%2fappsettings.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UI_ENABLED_false_serves_no_page()
    {
        await using var off = new ApiFactory().With("Ui:Enabled", "false");

        var response = await off.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/ui/");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
