using Xunit;
using AtsParser.Core.Parsing;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

/// <summary>
/// The parser's one retry layer (Polly) against the fake server: the server's request log counts the attempts, and the
/// waits Polly asked for are recorded (not slept), so nothing here depends on wall time.
/// </summary>
public sealed class OpenAiRetryTests
{
    [Fact(Timeout = 60_000)]
    public async Task Honours_Retry_After_on_429_and_then_succeeds()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.RateLimited("2"), FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2, "the SDK's own retries are off; the parser retried once");
        h.Sleeps.Should().Equal(TimeSpan.FromSeconds(2));
        resume.Meta.Parser.Should().Be("openai");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(503, "Retry-After", "4", 4000)]
    [InlineData(429, "retry-after-ms", "1500", 1500)]
    public async Task Waits_what_the_server_asks_for_on_a_429_or_503(int status, string header, string value, int expectedMs)
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.Error(status, "busy", "Try again later") with { Headers = new() { [header] = value } }, FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2);
        h.Sleeps.Should().Equal(TimeSpan.FromMilliseconds(expectedMs));
        resume.Meta.Parser.Should().Be("openai");
    }

    [Fact(Timeout = 60_000)]
    public async Task Caps_a_long_Retry_After()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxRetryAfterSeconds", "3"));
        h.Server.Then(FakeReply.RateLimited("120"), FakeReply.Answer(SampleResume.Answer()));

        await h.ParseAsync(SampleResume.Text);

        h.Sleeps.Should().Equal(TimeSpan.FromSeconds(3));
    }

    [Fact(Timeout = 60_000)]
    public async Task Retries_a_500_with_jittered_backoff_and_then_succeeds()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.ServerError(), FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2);
        h.Sleeps.Should().ContainSingle().Which.TotalMilliseconds.Should().BeInRange(0, 200, "base 100 ms with jitter: the first wait stays under twice the base");
        resume.Meta.Parser.Should().Be("openai");
        resume.Quality.Warnings.Should().NotContain(w => w.Code == WarningCodes.LlmFallback);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Falls_back_with_LLM_FALLBACK_after_bounded_5xx_retries(int status)
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxRetries", "2"));
        h.Server.Default = FakeReply.Error(status, "server_error", "The server had an error while processing your request.");

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(3, "one try and two retries");
        h.Sleeps.Should().HaveCount(2);
        resume.Meta.Parser.Should().Be("heuristic");
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.LlmFallback).Which.Message.Should().Contain($"HTTP {status}");
        resume.Candidate.Emails.Should().Contain("jane.doe@example.com", "the heuristic parser read the same text");
    }

    [Fact(Timeout = 60_000)]
    public async Task Retries_429_up_to_the_limit_and_then_falls_back()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxRetries", "3"));
        h.Server.Default = FakeReply.RateLimited("1");

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(4, "one try and three retries");
        h.Sleeps.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.LlmFallback).Which.Message.Should().Contain("HTTP 429");
    }

    [Fact(Timeout = 60_000)]
    public async Task No_retries_means_exactly_one_request_so_the_SDK_does_not_retry_either()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxRetries", "0"));
        h.Server.Default = FakeReply.ServerError();

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().ContainSingle("the OpenAI SDK would retry a 500 three times by default");
        h.Sleeps.Should().BeEmpty();
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.LlmFallback);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(400, "invalid_value")]
    [InlineData(401, "invalid_api_key")]
    [InlineData(404, "model_not_found")]
    public async Task Does_not_retry_a_client_error(int status, string code)
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Default = FakeReply.Error(status, code, "Retrying cannot fix this request", "invalid_request_error");

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().ContainSingle();
        h.Sleeps.Should().BeEmpty();
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.LlmFallback).Which.Message.Should().Contain($"HTTP {status}").And.Contain(code);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_transient_failure_between_compactions_is_retried_within_the_compacted_call()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxInputChars", "1000"));
        h.Server.Then(FakeReply.ContextLengthExceeded(), FakeReply.ServerError(), FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        var requests = h.Server.Requests;
        requests.Should().HaveCount(3);
        requests[1].UserMessage.Length.Should().BeLessThan(requests[0].UserMessage.Length, "compacted after context_length_exceeded");
        requests[2].UserMessage.Should().Be(requests[1].UserMessage, "the retry resends the same compacted text");
        h.Sleeps.Should().ContainSingle("context_length_exceeded is not a transient fault: only the 500 waited");
        resume.Meta.Parser.Should().Be("openai");
    }
}
