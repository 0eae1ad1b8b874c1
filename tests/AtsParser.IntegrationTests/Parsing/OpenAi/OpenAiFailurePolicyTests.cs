using Xunit;
using AtsParser.Core.Parsing;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

public sealed class OpenAiFailurePolicyTests
{
    [Fact(Timeout = 60_000)]
    public async Task Compacts_harder_and_retries_after_context_length_exceeded()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxInputChars", "1000"));
        h.Server.Then(FakeReply.ContextLengthExceeded(), FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        var requests = h.Server.Requests;
        requests.Should().HaveCount(2);
        requests[1].UserMessage.Length.Should().BeLessThan(requests[0].UserMessage.Length);
        requests[1].UserMessage.Should().Contain("jane.doe@example.com").And.Contain("03/2016 - 12/2019").And.Contain("EDUCATION",
            "contact lines, dates and headings survive the cut");
        resume.Meta.Parser.Should().Be("openai");
        resume.Meta.Truncated.Should().BeTrue();
        resume.Quality.Warnings.Should().Contain(w => w.Code == WarningCodes.TextTruncated);
    }

    [Fact(Timeout = 60_000)]
    public async Task Gives_up_after_the_compaction_retries()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("MaxCompactionRetries", "1"));
        h.Server.Default = FakeReply.ContextLengthExceeded();

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2);
        resume.Quality.Warnings.Should().Contain(w => w.Code == WarningCodes.LlmFallback);
    }

    [Fact(Timeout = 60_000)]
    public async Task Retries_once_with_a_bigger_output_budget_after_finish_reason_length()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.Content("""{"name":{"full":"Jane Q. Doe","giv""", "length"), FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Select(r => r.MaxCompletionTokens).Should().Equal(1000, 2000);
        resume.Meta.Parser.Should().Be("openai");
        resume.Meta.TokensOut.Should().BeGreaterThan(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Falls_back_when_the_answer_is_cut_off_twice()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Default = FakeReply.Content("""{"name":""", "length");

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2);
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.LlmFallback).Which.Message.Should().Contain("finish_reason length");
        resume.Meta.TokensIn.Should().BeGreaterThan(0, "the tokens of failed attempts are still reported");
    }

    [Fact(Timeout = 60_000)]
    public async Task Retries_an_answer_slower_than_the_timeout()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("TimeoutSeconds", "1"));
        h.Server.Then(FakeReply.Answer(SampleResume.Answer()).After(TimeSpan.FromSeconds(20)), FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2);
        h.Sleeps.Should().ContainSingle();
        resume.Meta.Parser.Should().Be("openai");
    }

    [Fact(Timeout = 60_000)]
    public async Task Falls_back_when_every_answer_is_too_slow()
    {
        await using var h = await OpenAiParserHarness.StartAsync(("TimeoutSeconds", "1"), ("MaxRetries", "1"));
        h.Server.Default = FakeReply.Answer(SampleResume.Answer()).After(TimeSpan.FromSeconds(20));

        var resume = await h.ParseAsync(SampleResume.Text);

        h.Server.Requests.Should().HaveCount(2);
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.LlmFallback).Which.Message.Should().Contain("timeout");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("")]
    [InlineData("   \n\f\n  ")]
    [InlineData("\uFFFD\uFFFD\uFFFD\uFFFD \uE001\uE002\uE003 \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD ab")]
    public async Task Never_sends_empty_or_garbage_text_to_the_model(string text)
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Default = FakeReply.Answer(SampleResume.Answer());

        var resume = await h.ParseAsync(text);

        h.Server.Requests.Should().BeEmpty();
        resume.Quality.Warnings.Should().ContainSingle(w => w.Code == WarningCodes.NoText);
        resume.Meta.TokensIn.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Calibrates_the_token_estimate_against_usage()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Default = FakeReply.Answer(SampleResume.Answer());
        h.Calibration.CharsPerToken.Should().Be(4, "the configured estimate until the first answer");

        await h.ParseAsync(SampleResume.Text);
        await h.ParseAsync(SampleResume.Text.Replace("Jane", "Janet"));

        h.Calibration.Samples.Should().Be(2);
        h.Calibration.CharsPerToken.Should().BeApproximately(FakeOpenAiServer.CharsPerToken, 0.05, "the fake bills 3.5 characters per token");
        h.Calibration.Drift.Should().BeApproximately(3.5 / 4, 0.02);
    }
}
