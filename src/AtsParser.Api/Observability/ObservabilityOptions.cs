using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Observability;

public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>OpenAI list prices, USD per million input/output tokens. Override with LLM_PRICES.</summary>
    public const string DefaultLlmPrices =
        "gpt-4o-mini=0.15/0.60;gpt-4o=2.50/10.00;gpt-4.1=2.00/8.00;gpt-4.1-mini=0.40/1.60;gpt-4.1-nano=0.10/0.40";

    [Required] public string LlmPrices { get; set; } = DefaultLlmPrices;
}

[OptionsValidator]
public sealed partial class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>;

/// <summary>The price table's syntax is checked at start-up, so a typo names LLM_PRICES instead of silently costing 0.</summary>
public sealed class LlmPricesValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options) =>
        LlmPriceTable.TryParse(options.LlmPrices, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Observability:LlmPrices (LLM_PRICES): {error}.");
}
