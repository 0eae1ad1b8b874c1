using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Labelled entry lines ("Cargo: Jefe de obra", "公司名称：…", "Abschluss: Bachelor of Arts"): the label's kind and the value.</summary>
public static partial class FieldLabels
{
    public const string Title = "title", Employer = "employer", Location = "location", Institution = "institution", Degree = "degree", Field = "field", Ignore = "ignore";

    static readonly Dictionary<string, string> Kinds = DataFiles.ReadTsv("labels.tsv")
        .Where(r => r.Length >= 2)
        .GroupBy(r => TextNormalizer.Fold(r[1]))
        .ToDictionary(g => g.Key, g => g.First()[0]);

    /// <summary>The label's kind and the value after it; null when the line starts with no known label.</summary>
    public static (string Kind, string Value)? Match(string text)
    {
        // The pattern needs a colon: most fragments have none.
        if (!text.AsSpan().ContainsAny(':', '：')) return null;
        var m = Label().Match(text);
        if (!m.Success) return null;
        return Kinds.TryGetValue(TextNormalizer.Fold(m.Groups["l"].Value.Trim()), out var kind) ? (kind, m.Groups["v"].Value.Trim()) : null;
    }

    /// <summary>The kind of a label printed alone ("Abschluss" → degree); null when it is no known label.</summary>
    public static string? KindOf(string label) => Kinds.GetValueOrDefault(TextNormalizer.Fold(label.Trim()));

    /// <summary>A label with nothing after it ("Zeitraum:" once its dates are cut out, "时间"); a bare "Abschluss" may be the value itself.</summary>
    public static bool IsBareLabel(string text)
    {
        var t = text.Trim();
        return Kinds.TryGetValue(TextNormalizer.Fold(t.TrimEnd(':', '：').Trim()), out var kind) && (kind == Ignore || t.EndsWith(':') || t.EndsWith('：'));
    }

    [GeneratedRegex(@"^(?<l>[^:：]{1,30}?)\s*[:：]\s*(?<v>\S.*)$")]
    internal static partial Regex Label();
}
