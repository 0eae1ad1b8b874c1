using AtsParser.Core.Observability;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>
/// For models whose tokenizer we do not ship (TokenCounter), tokens are estimated as characters / CHARS_PER_TOKEN_ESTIMATE.
/// Every answer's `usage` calibrates that: the running ratio of characters sent (instructions, schema and text) to
/// prompt tokens billed is exposed here, logged with each answer, and published at /metrics.
/// </summary>
public sealed class TokenCalibration(IOptions<OpenAiOptions> options, AtsMetrics metrics)
{
    readonly Lock _gate = new();
    readonly double _configured = options.Value.CharsPerTokenEstimate;
    long _chars, _promptTokens, _samples;

    /// <summary>Observed characters per prompt token; the configured estimate until the first answer.</summary>
    public double CharsPerToken { get { lock (_gate) return _promptTokens == 0 ? _configured : (double)_chars / _promptTokens; } }

    public long Samples { get { lock (_gate) return _samples; } }

    /// <summary>How far the configured estimate is off: observed / configured (1.0 = exact).</summary>
    public double Drift => CharsPerToken / _configured;

    public void Record(int charsSent, long promptTokens)
    {
        if (promptTokens <= 0) return;
        lock (_gate)
        {
            _chars += charsSent;
            _promptTokens += promptTokens;
            _samples++;
        }
        metrics.LlmCalibration(CharsPerToken, Drift);
    }
}
