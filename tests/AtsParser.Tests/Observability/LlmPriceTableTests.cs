using AtsParser.Api.Observability;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Observability;

public class LlmPriceTableTests
{
    [Fact]
    public void Cost_is_tokens_times_the_price_per_million_for_input_and_output()
    {
        var table = LlmPriceTable.Parse("m1=2.5/10");

        table.CostUsd("m1", 200_000, 50_000).Should().BeApproximately(0.5 + 0.5, 1e-12);
    }

    [Fact]
    public void Model_names_may_contain_colons_and_slashes()
    {
        var table = LlmPriceTable.Parse("llama3.1:8b=0/0; meta-llama/Llama-3-70B=0.9/0.9");

        table.Models.Should().BeEquivalentTo("llama3.1:8b", "meta-llama/Llama-3-70B");
    }

    [Fact]
    public void Unknown_models_cost_nothing()
    {
        LlmPriceTable.Parse(ObservabilityOptions.DefaultLlmPrices).CostUsd("unknown", 1000, 1000).Should().Be(0);
    }

    [Theory]
    [InlineData("gpt=1")]
    [InlineData("gpt=1/x")]
    [InlineData("=1/2")]
    [InlineData("gpt=-1/2")]
    public void A_malformed_entry_is_refused_with_the_entry_in_the_message(string text)
    {
        LlmPriceTable.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(text.Trim());
    }

    [Fact]
    public void The_validator_names_the_setting()
    {
        var result = new LlmPricesValidator().Validate(null, new ObservabilityOptions { LlmPrices = "gpt-4o=cheap" });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("LLM_PRICES");
    }
}
