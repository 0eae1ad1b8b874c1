using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Parsing.OpenAi;

/// <summary>The OpenAI parser's settings. Enabled only when ApiKey (OPENAI_API_KEY) is set.</summary>
public sealed class OpenAiOptions
{
    public const string Section = "OpenAi";

    public string? ApiKey { get; set; }

    /// <summary>Any OpenAI-compatible endpoint (OpenAI, Azure, vLLM, Ollama). The SDK wants the /v1 suffix; it is added when missing.</summary>
    [Url] public string? BaseUrl { get; set; }

    [Required, MinLength(1)] public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Sent as max_completion_tokens; a finish_reason of `length` retries once with up to MaxOutputTokensCeiling.</summary>
    [Range(256, 128_000)] public int MaxTokens { get; set; } = 4096;
    [Range(256, 128_000)] public int MaxOutputTokensCeiling { get; set; } = 16_384;

    [Range(0.0, 2.0)] public double Temperature { get; set; } = 0;

    /// <summary>Per attempt; a slower answer counts as a timeout and is retried like a 5xx.</summary>
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of 429, 5xx, timeouts and network errors, together. The SDK's own retries are off.</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;
    /// <summary>Retries after context_length_exceeded, each with a smaller input budget.</summary>
    [Range(0, 5)] public int MaxCompactionRetries { get; set; } = 2;
    /// <summary>First backoff for 5xx and timeouts; doubles per attempt, with ±50% jitter.</summary>
    [Range(0, 60_000)] public int RetryBaseDelayMs { get; set; } = 500;
    /// <summary>The longest Retry-After honoured on a 429; longer waits are capped to this.</summary>
    [Range(0, 600)] public int MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>MAX_INPUT_CHARS: the text sent to the model is compacted to this many characters.</summary>
    [Range(1000, 2_000_000)] public int MaxInputChars { get; set; } = 40_000;
    /// <summary>CHARS_PER_TOKEN_ESTIMATE: used for the before/after token estimates until usage calibrates it.</summary>
    [Range(0.5, 20.0)] public double CharsPerTokenEstimate { get; set; } = 4;

    /// <summary>USD per million tokens, by model name (the longest matching prefix wins), for meta.estimatedCostUsd and the
    /// ats_llm_cost_usd_total metric. Override or add entries as OpenAi__Prices__{model}__InputPerMillion / __OutputPerMillion.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
        ["gpt-4.1-nano"] = new() { InputPerMillion = 0.10m, OutputPerMillion = 0.40m },
        ["gpt-4.1-mini"] = new() { InputPerMillion = 0.40m, OutputPerMillion = 1.60m },
        ["gpt-4.1"] = new() { InputPerMillion = 2.00m, OutputPerMillion = 8.00m },
    };

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public Uri Endpoint()
    {
        var url = (string.IsNullOrWhiteSpace(BaseUrl) ? "https://api.openai.com/v1" : BaseUrl.Trim()).TrimEnd('/');
        if (!url.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) && !url.Contains("/v1/", StringComparison.OrdinalIgnoreCase)) url += "/v1";
        return new Uri(url);
    }

    public decimal EstimateCost(string model, long tokensIn, long tokensOut)
    {
        var price = Prices.Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
        if (price is null) return 0;
        return Math.Round((tokensIn * price.InputPerMillion + tokensOut * price.OutputPerMillion) / 1_000_000m, 6);
    }
}

public sealed class ModelPrice
{
    [Range(0, 10_000)] public decimal InputPerMillion { get; set; }
    [Range(0, 10_000)] public decimal OutputPerMillion { get; set; }
}

[OptionsValidator]
public sealed partial class OpenAiOptionsValidator : IValidateOptions<OpenAiOptions>;
