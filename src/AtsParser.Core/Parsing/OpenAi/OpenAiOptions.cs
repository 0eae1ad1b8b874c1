using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>The OpenAI parser's settings. Enabled only when ApiKey (OPENAI_API_KEY) is set. Prices for the cost estimate come from LLM_PRICES.</summary>
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

    /// <summary>Retries of 429, 5xx, timeouts and network errors, together, per model call (a Polly retry; the SDK's own retries are off).</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;
    /// <summary>Retries after context_length_exceeded, each with a smaller input budget.</summary>
    [Range(0, 5)] public int MaxCompactionRetries { get; set; } = 2;
    /// <summary>Base delay of the backoff for 5xx and timeouts: exponential per attempt with Polly's jitter, capped at 30 s.</summary>
    [Range(0, 60_000)] public int RetryBaseDelayMs { get; set; } = 500;
    /// <summary>The longest Retry-After (or retry-after-ms) honoured on a 429 or 503; longer waits are capped to this.</summary>
    [Range(0, 600)] public int MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>MAX_INPUT_CHARS: the text sent to the model is compacted to this many characters.</summary>
    [Range(1000, 2_000_000)] public int MaxInputChars { get; set; } = 40_000;
    /// <summary>CHARS_PER_TOKEN_ESTIMATE: used for the before/after token estimates until usage calibrates it.</summary>
    [Range(0.5, 20.0)] public double CharsPerTokenEstimate { get; set; } = 4;

    /// <summary>LLM_PRICES: US dollars per million tokens, "model=input/output" pairs separated by commas.</summary>
    [Required, RegularExpression(@"^\s*[^=,\s]+=[0-9.]+/[0-9.]+\s*(,\s*[^=,\s]+=[0-9.]+/[0-9.]+\s*)*$")]
    public string PriceTable { get; set; } = "gpt-4o-mini=0.15/0.60,gpt-4o=2.50/10.00,gpt-4.1-mini=0.40/1.60,gpt-4.1=2.00/8.00,gpt-4.1-nano=0.10/0.40";

    public IReadOnlyDictionary<string, (double Input, double Output)> Prices =>
        PriceTable.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('='))
            .ToDictionary(kv => kv[0], kv =>
            {
                var io = kv[1].Split('/');
                return (double.Parse(io[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(io[1], System.Globalization.CultureInfo.InvariantCulture));
            }, StringComparer.OrdinalIgnoreCase);

    /// <summary>Estimated cost of one call; the longest configured model name the model starts with sets the price, else 0.</summary>
    public double EstimateCostUsd(string model, long inputTokens, long outputTokens)
    {
        var price = Prices.Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
        return (inputTokens * price.Input + outputTokens * price.Output) / 1_000_000.0;
    }

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public Uri Endpoint()
    {
        var url = (string.IsNullOrWhiteSpace(BaseUrl) ? "https://api.openai.com/v1" : BaseUrl.Trim()).TrimEnd('/');
        if (!url.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) && !url.Contains("/v1/", StringComparison.OrdinalIgnoreCase)) url += "/v1";
        return new Uri(url);
    }
}

[OptionsValidator]
public sealed partial class OpenAiOptionsValidator : IValidateOptions<OpenAiOptions>;
