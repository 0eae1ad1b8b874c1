namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>Micro-averaged counts for one field across documents.</summary>
public sealed class FieldScore
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(int tp, int fp, int fn) { TruePositives += tp; FalsePositives += fp; FalseNegatives += fn; }
}

/// <summary>A value the parser missed (expected) or invented (predicted), for the developer-facing report.</summary>
public sealed record Mismatch(string File, string Field, string Kind, string Value);

/// <summary>Heuristic parse time of one document, extraction excluded.</summary>
public sealed record DocumentTiming(string File, double ParseMs);

public sealed record EvalReport(
    int Documents,
    IReadOnlyDictionary<string, FieldScore> Exact,
    IReadOnlyDictionary<string, FieldScore> Fuzzy,
    IReadOnlyList<Mismatch> Mismatches,
    IReadOnlyList<DocumentTiming> Timings,
    IReadOnlyList<string> Failures)
{
    /// <summary>Per field, the share of truth values present in the extraction (text or link targets).</summary>
    public IReadOnlyDictionary<string, ReachableScore> Reachable { get; init; } = new Dictionary<string, ReachableScore>();
    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];
}

public static class EvalReportExtensions
{
    public static List<double> SortedParseMs(this EvalReport report) => report.Timings.Select(t => t.ParseMs).Order().ToList();
}
