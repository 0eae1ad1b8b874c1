using System.Text.Json;
using AtsParser.Core.Parsing.Evaluation;
using Spectre.Console;

namespace AtsParser.Cli;

static class EvalOutput
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void PrintTables(EvalReport report, IReadOnlyDictionary<string, double> floors, string setName)
    {
        // Redirected output (CI logs, files) should not wrap at 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        var table = new Table().Title($"Heuristic parser on {report.Documents} documents, {setName} (micro-averaged)");
        foreach (var h in new[] { "field", "P", "R", "F1", "reachable", "F1 (token-set ≥ 0.8)", "tp/fp/fn", "floor" }) table.AddColumn(h);
        foreach (var field in EvalFields.All)
        {
            var s = report.Exact[field];
            var fz = report.Fuzzy[field];
            var floor = floors.TryGetValue(field, out var v) ? v : (double?)null;
            var color = floor is { } fl && Math.Round(s.F1, 3) < fl ? "red" : "green";
            var reachable = report.Reachable.TryGetValue(field, out var r) && r.Values > 0 ? $"{r.Share:0.000}" : "-";
            table.AddRow(field, $"{s.Precision:0.000}", $"{s.Recall:0.000}", $"[{color}]{s.F1:0.000}[/]", reachable, $"{fz.F1:0.000}",
                $"{s.TruePositives}/{s.FalsePositives}/{s.FalseNegatives}", floor is null ? "-" : $"{floor:0.00}");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]reachable: share of the key's values present in the extracted text or link targets (the parser's ceiling).[/]");
        PrintCalibration(report);
        if (report.Timings.Count > 0)
        {
            var sorted = report.SortedParseMs();
            AnsiConsole.MarkupLineInterpolated($"Parse time per document (in-process, extraction excluded): median {Percentile(sorted, 0.5):0.00} ms, p95 {Percentile(sorted, 0.95):0.00} ms, max {sorted[^1]:0.00} ms");
        }
        foreach (var failure in report.Failures) AnsiConsole.MarkupLineInterpolated($"[yellow]{failure}[/]");
    }

    static void PrintCalibration(EvalReport report)
    {
        if (report.Calibration.Count == 0) return;
        var table = new Table().Title("Confidence calibration: share of items right (paired with a key entry, both sides exact)");
        foreach (var h in new[] { "items", "< 0.5", "0.5–0.7", "0.7–0.9", ">= 0.9" }) table.AddColumn(h);
        foreach (var kind in report.Calibration.GroupBy(b => b.Kind))
            table.AddRow([kind.Key, .. kind.Select(b => b.ShareCorrect is { } share ? $"{share:0.00} ({b.Correct}/{b.Items})" : "- (0)")]);
        AnsiConsole.Write(table);
    }

    public static void PrintMismatches(EvalReport report)
    {
        foreach (var group in report.Mismatches.GroupBy(m => m.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]{group.Key}[/]");
            foreach (var m in group)
            {
                if (m.Kind == "missed") AnsiConsole.MarkupLineInterpolated($"  {m.Field,-15} [red]missed[/] {m.Value}");
                else AnsiConsole.MarkupLineInterpolated($"  {m.Field,-15} [yellow]extra[/]  {m.Value}");
            }
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return 0;
        var rank = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static object ToJson(EvalReport report, IReadOnlyDictionary<string, double> floors) => new
    {
        report.Documents,
        Fields = EvalFields.All.ToDictionary(f => f, f => new
        {
            report.Exact[f].Precision, report.Exact[f].Recall, report.Exact[f].F1,
            FuzzyF1 = report.Fuzzy[f].F1,
            Tp = report.Exact[f].TruePositives, Fp = report.Exact[f].FalsePositives, Fn = report.Exact[f].FalseNegatives,
            Floor = floors.TryGetValue(f, out var v) ? v : (double?)null,
        }),
        ParseMs = new { Median = Percentile(report.SortedParseMs(), 0.5), P95 = Percentile(report.SortedParseMs(), 0.95) },
        Reachable = report.Reachable.ToDictionary(r => r.Key, r => new { r.Value.Values, r.Value.Found, r.Value.Share }),
        report.Calibration,
        report.Timings,
        report.Mismatches,
        report.Failures,
    };
}
