using System.Diagnostics.Metrics;

namespace AtsParser.Api.Parsing.OpenAi;

/// <summary>
/// There is no tokenizer package on our feed, so tokens are estimated as characters / CHARS_PER_TOKEN_ESTIMATE.
/// Every answer's `usage` calibrates that: the running ratio of characters sent to prompt tokens billed is
/// exposed here, logged, and published as a metric next to the token and cost counters.
/// </summary>
public sealed class TokenCalibration : IDisposable
{
    readonly Lock _gate = new();
    readonly Meter _meter = new("AtsParser.Parsing.OpenAi");
    readonly Counter<long> _tokens;
    readonly Counter<double> _cost;
    readonly double _configured;
    long _chars, _promptTokens, _samples;

    public TokenCalibration(Microsoft.Extensions.Options.IOptions<OpenAiOptions> options)
    {
        _configured = options.Value.CharsPerTokenEstimate;
        _tokens = _meter.CreateCounter<long>("atsparser_llm_tokens", "{token}", "Tokens billed by the model, by direction (input, output).");
        _cost = _meter.CreateCounter<double>("atsparser_llm_estimated_cost_usd", "USD", "Estimated cost from the configured price table.");
        _meter.CreateObservableGauge("atsparser_llm_chars_per_token", () => CharsPerToken, "{char}", "Observed characters sent per prompt token (calibrates CHARS_PER_TOKEN_ESTIMATE).");
        _meter.CreateObservableGauge("atsparser_llm_chars_per_token_configured", () => _configured, "{char}", "CHARS_PER_TOKEN_ESTIMATE as configured.");
    }

    /// <summary>Observed characters per prompt token; the configured estimate until the first answer.</summary>
    public double CharsPerToken { get { lock (_gate) return _promptTokens == 0 ? _configured : (double)_chars / _promptTokens; } }

    public long Samples { get { lock (_gate) return _samples; } }

    /// <summary>How far the configured estimate is off: observed / configured (1.0 = exact).</summary>
    public double Drift => CharsPerToken / _configured;

    public void Record(int charsSent, long promptTokens, long completionTokens, decimal cost)
    {
        _tokens.Add(promptTokens, new KeyValuePair<string, object?>("direction", "input"));
        _tokens.Add(completionTokens, new KeyValuePair<string, object?>("direction", "output"));
        _cost.Add((double)cost);
        if (promptTokens <= 0) return;
        lock (_gate)
        {
            _chars += charsSent;
            _promptTokens += promptTokens;
            _samples++;
        }
    }

    public void Dispose() => _meter.Dispose();
}
