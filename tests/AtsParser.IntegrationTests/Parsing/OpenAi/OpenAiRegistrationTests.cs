using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Heuristic;
using AtsParser.Core.Parsing.OpenAi;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

public sealed class OpenAiRegistrationTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddParsing(config);
        services.AddOpenAiParsing(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Without_an_api_key_the_heuristic_parser_serves()
    {
        using var sp = Build([]);

        sp.GetRequiredService<IResumeParser>().Should().BeOfType<HeuristicResumeParser>();
    }

    [Fact]
    public void With_an_api_key_the_openai_parser_serves_and_the_heuristic_one_stays_resolvable_as_its_fallback()
    {
        using var sp = Build(new() { ["OpenAi:ApiKey"] = "k", ["OpenAi:BaseUrl"] = "http://127.0.0.1:1" });

        sp.GetRequiredService<IResumeParser>().Mode.Should().Be("openai");
        sp.GetServices<IResumeParser>().Should().ContainSingle();
        sp.GetRequiredService<HeuristicResumeParser>().Should().NotBeNull();
    }

    [Theory]
    [InlineData(null, "https://api.openai.com/v1")]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434/v1")]
    [InlineData("http://vllm:8000/v1/", "http://vllm:8000/v1")]
    [InlineData("https://x.openai.azure.com/openai/v1", "https://x.openai.azure.com/openai/v1")]
    public void The_endpoint_gets_the_v1_suffix_the_sdk_needs(string? baseUrl, string expected) =>
        new OpenAiOptions { BaseUrl = baseUrl }.Endpoint().ToString().TrimEnd('/').Should().Be(expected);

    [Fact]
    public void A_bad_setting_fails_at_start_up_naming_it()
    {
        using var sp = Build(new() { ["OpenAi:ApiKey"] = "k", ["OpenAi:MaxInputChars"] = "10" });

        var act = () => sp.GetRequiredService<IOptions<OpenAiOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*MaxInputChars*");
    }

    [Fact]
    public void Cost_uses_the_longest_matching_price_prefix()
    {
        var o = new OpenAiOptions();

        o.EstimateCostUsd("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000).Should().BeApproximately(0.75, 1e-9);
        o.EstimateCostUsd("gpt-4o", 1_000_000, 0).Should().BeApproximately(2.50, 1e-9);
        o.EstimateCostUsd("llama3.1:8b", 1_000_000, 1_000_000).Should().Be(0);
    }
}
