using AtsParser.Core.Parsing.Compaction;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.Compaction;

public class TokenCounterTests
{
    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("gpt-4o-mini")]
    [InlineData("chatgpt-4o-latest")]
    [InlineData("gpt-4.1-nano")]
    [InlineData("o1")]
    [InlineData("o3-mini")]
    [InlineData("o4-mini-2025-04-16")]
    [InlineData("gpt-5")]
    [InlineData("GPT-5-mini")]
    [InlineData("openai/gpt-4.1")]
    public void Models_of_the_o200k_family_are_counted_with_their_own_tokenizer(string model) =>
        TokenCounter.For(model, 4).Name.Should().Be("o200k_base");

    [Theory]
    [InlineData("llama3.1:8b")]
    [InlineData("gpt-4")]
    [InlineData("gpt-3.5-turbo")]
    [InlineData("mistral-small")]
    [InlineData("o10-custom")]
    public void Other_models_keep_the_characters_per_token_estimate(string model)
    {
        var counter = TokenCounter.For(model, 4);

        counter.IsEstimate.Should().BeTrue();
        counter.Name.Should().Be("chars/4");
        counter.Count("twelve chars").Should().Be(3);
    }

    [Fact]
    public void The_o200k_tokenizer_counts_real_tokens()
    {
        TokenCounter.O200k.Count("Hello, world!").Should().Be(4);
        TokenCounter.O200k.Count("").Should().Be(0);
        TokenCounter.O200k.Count("Senior Software Engineer, Acme Payments AG, Jan 2020 – Present").Should().BeInRange(10, 20);
    }

    [Fact]
    public void Compaction_reports_the_tokens_of_the_counter_it_was_given_and_names_it()
    {
        var text = "Jane Doe\njane@example.com\n\n\n\nExperience\nEngineer at Acme    Corp\nReferences available upon request.";

        var report = TextCompactor.Compact(text, 40_000, TokenCounter.O200k).Report;

        report.Tokenizer.Should().Be("o200k_base");
        report.TokensBefore.Should().Be(TokenCounter.O200k.Count(text));
        report.TokensAfter.Should().Be(TokenCounter.O200k.Count(TextCompactor.Compact(text, 40_000, TokenCounter.O200k).Text));
        report.TokensAfter.Should().BeLessThan(report.TokensBefore);
        TextCompactor.Compact(text, 40_000, 4).Report.Tokenizer.Should().Be("chars/4");
    }
}
