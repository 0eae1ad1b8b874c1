using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.Api.Security;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Security;

public class RateLimitTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    [Fact]
    public async Task Past_the_limit_a_caller_gets_429_with_retry_after_while_other_keys_and_health_are_unaffected()
    {
        await using var api = new ApiFactory()
            .With("Security:ApiKeyHashes", ApiKeyHandler.HashOf("key-one") + "," + ApiKeyHandler.HashOf("key-two"))
            .With("Security:RateLimitPerMinute", "3");
        var one = api.CreateClient();
        one.DefaultRequestHeaders.Add("X-API-Key", "key-one");
        var two = api.CreateClient();
        two.DefaultRequestHeaders.Add("X-API-Key", "key-two");

        for (var i = 0; i < 3; i++) (await one.GetAsync("/startup-status", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var limited = await one.GetAsync("/startup-status", _ct);

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        (await limited.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("code").GetString().Should().Be("rate_limited");
        (await two.GetAsync("/startup-status", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await one.GetAsync("/health", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Guessing_api_keys_is_rate_limited_by_client()
    {
        await using var api = new ApiFactory().With("Security:ApiKeyHashes", ApiKeyHandler.HashOf("the-real-key")).With("Security:RateLimitPerMinute", "3");
        var client = api.CreateClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/startup-status");
            request.Headers.Add("X-API-Key", "guess-" + i);
            codes.Add((await client.SendAsync(request, _ct)).StatusCode);
        }

        codes.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Without_a_configured_limit_tests_and_development_are_not_limited()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();

        for (var i = 0; i < 20; i++) (await client.GetAsync("/startup-status", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
