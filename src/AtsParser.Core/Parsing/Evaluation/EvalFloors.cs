using System.Text.Json;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>
/// Minimum exact F1 per field on the developers' corpus (eval-floors.json) and on the synthetic set of tools/AtsParser.Synth
/// (eval-floors-synthetic.json): measured baseline minus a small margin. A field under its floor fails `eval` and the CI test.
/// </summary>
public static class EvalFloors
{
    public static Dictionary<string, double> Default() => Parse(DataFiles.ReadText("eval-floors.json"));

    public static Dictionary<string, double> Synthetic() => Parse(DataFiles.ReadText("eval-floors-synthetic.json"));

    public static Dictionary<string, double> Parse(string json)
    {
        var floors = JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
        foreach (var field in floors.Keys.Where(f => !EvalFields.Known.Contains(f)))
            throw new InvalidDataException($"Unknown field '{field}' in the floors file; known fields: {string.Join(", ", EvalFields.All)}.");
        return floors;
    }

    /// <summary>Fields whose exact F1 is below their floor, with both numbers.</summary>
    public static List<(string Field, double F1, double Floor)> Violations(EvalReport report, IReadOnlyDictionary<string, double> floors) =>
        floors.Where(f => report.Exact.TryGetValue(f.Key, out var s) && Math.Round(s.F1, 3) < f.Value)
            .Select(f => (f.Key, report.Exact[f.Key].F1, f.Value)).ToList();
}
