using System.Globalization;

namespace AtsParser.Api.Observability;

/// <summary>
/// US dollars per million tokens, per model, from LLM_PRICES: "model=input/output;model=input/output".
/// Entries split on ';' and at the first '=', so model names may contain ':' or '/' (e.g. "llama3.1:8b").
/// </summary>
public sealed class LlmPriceTable
{
    readonly Dictionary<string, (double Input, double Output)> _prices;

    LlmPriceTable(Dictionary<string, (double, double)> prices) => _prices = prices;

    public IReadOnlyCollection<string> Models => _prices.Keys;

    public bool Contains(string? model) => model is not null && _prices.ContainsKey(model);

    public double CostUsd(string? model, long inputTokens, long outputTokens) =>
        model is not null && _prices.TryGetValue(model, out var p)
            ? (Math.Max(0, inputTokens) * p.Input + Math.Max(0, outputTokens) * p.Output) / 1_000_000d
            : 0;

    public static bool TryParse(string? text, out LlmPriceTable table, out string error)
    {
        var prices = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        table = new LlmPriceTable(prices);
        error = "";
        foreach (var entry in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=');
            var model = eq > 0 ? entry[..eq].Trim() : "";
            var parts = eq > 0 ? entry[(eq + 1)..].Split('/') : [];
            if (model.Length is 0 or > 64 || parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var input)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var output)
                || input < 0 || output < 0)
            {
                error = $"'{entry}' is not 'model=inputUsdPerMillion/outputUsdPerMillion'";
                return false;
            }
            prices[model] = (input, output);
        }
        return true;
    }

    public static LlmPriceTable Parse(string text) =>
        TryParse(text, out var table, out var error) ? table : throw new FormatException("LLM_PRICES: " + error);
}
