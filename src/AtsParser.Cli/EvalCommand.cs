using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Synth;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AtsParser.Cli;

/// <summary>
/// `eval &lt;corpusDir&gt;`: extraction and the heuristic parser in-process over every document with a truth/&lt;file&gt;.json key,
/// then the same over the synthetic set (tools/AtsParser.Synth, generated into a cache folder when missing): per field
/// precision/recall/F1 next to the reachable ceiling, a confidence calibration table, and the mismatches.
/// Exits 1 when a field's exact F1 is under its floor in either set. Mismatches go to this console only, never to logs.
/// </summary>
static class EvalCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("corpusDir") { Description = "Folder with the documents and a truth/ folder of answer keys" };
        var minF1 = new Option<string[]>("--min-f1") { Description = "Floor override for the corpus keys, field=value (repeatable)", AllowMultipleArgumentsPerToken = true };
        var floorsFile = new Option<FileInfo?>("--floors") { Description = "JSON file of floors {field: minF1} for the corpus keys; default: the built-in eval-floors.json" };
        var synthetic = new Option<DirectoryInfo?>("--synthetic") { Description = "Folder of the synthetic set (generated there when missing or stale); default: $ATS_SYNTH_DIR or ~/.cache/atsparser/synth-…" };
        var noSynthetic = new Option<bool>("--no-synthetic") { Description = "Score the corpus keys only" };
        var syntheticFloors = new Option<FileInfo?>("--synthetic-floors") { Description = "JSON file of floors for the synthetic set; default: the built-in eval-floors-synthetic.json" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file" };
        var quiet = new Option<bool>("--no-mismatches") { Description = "Do not print the mismatch list" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Date that resolves 'Present' (default: today)" };
        var dump = new Option<DirectoryInfo?>("--dump-text") { Description = "Write each document's extracted text to this folder (for debugging the parser)" };
        var command = new Command("eval", "Measure parser accuracy against answer keys (corpus and synthetic set)")
            { dir, minF1, floorsFile, synthetic, noSynthetic, syntheticFloors, json, quiet, asOf, dump };
        command.SetAction(async (parse, ct) =>
        {
            var floors = parse.GetValue(floorsFile) is { } f ? EvalFloors.Parse(await File.ReadAllTextAsync(f.FullName, ct)) : EvalFloors.Default();
            foreach (var pair in parse.GetValue(minF1) ?? [])
            {
                var parts = pair.Split('=', 2);
                if (parts.Length != 2 || !EvalFields.Known.Contains(parts[0]) || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var v))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]--min-f1 {pair}: expected field=value with a field from {string.Join(", ", EvalFields.All)}[/]");
                    return 2;
                }
                floors[parts[0]] = v;
            }
            var synthFloors = parse.GetValue(syntheticFloors) is { } sf ? EvalFloors.Parse(await File.ReadAllTextAsync(sf.FullName, ct)) : EvalFloors.Synthetic();
            await using var services = CorpusEvaluation.BuildServices();
            var eval = services.GetRequiredService<CorpusEvaluation>();
            var day = parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var dumpDir = parse.GetValue(dump);
            if (dumpDir is not null) Directory.CreateDirectory(dumpDir.FullName);
            Action<string, string>? dumpText = dumpDir is null ? null : (file, text) => File.WriteAllText(Path.Combine(dumpDir.FullName, file.Replace('/', '_') + ".txt"), text);
            Action<string> progress = file => AnsiConsole.MarkupLineInterpolated($"[grey]{file}[/]");

            var sets = new List<(string Name, EvalReport Report, IReadOnlyDictionary<string, double> Floors)>
            {
                ("corpus keys", await eval.RunAsync(parse.GetValue(dir)!.FullName, day, progress, ct, dumpText), floors),
            };
            if (!parse.GetValue(noSynthetic))
            {
                var synthDir = parse.GetValue(synthetic)?.FullName ?? SynthSet.DefaultDir();
                if (!SynthSet.IsCurrent(synthDir, SynthSet.DefaultSeed, SynthSet.DefaultCount))
                    AnsiConsole.MarkupLineInterpolated($"[grey]Generating the synthetic set in {synthDir} ...[/]");
                await SynthSet.EnsureAsync(synthDir, SynthSet.DefaultSeed, SynthSet.DefaultCount, ct);
                sets.Add(("synthetic set", await eval.RunAsync(synthDir, day, progress, ct, dumpText), synthFloors));
            }

            if (!parse.GetValue(quiet)) foreach (var set in sets) EvalOutput.PrintMismatches(set.Report);
            foreach (var set in sets) EvalOutput.PrintTables(set.Report, set.Floors, set.Name);
            if (parse.GetValue(json) is { } outFile)
            {
                var body = sets.Count == 1 ? EvalOutput.ToJson(sets[0].Report, floors)
                    : new { Corpus = EvalOutput.ToJson(sets[0].Report, floors), Synthetic = EvalOutput.ToJson(sets[1].Report, synthFloors) };
                await File.WriteAllTextAsync(outFile.FullName, JsonSerializer.Serialize(body, EvalOutput.JsonOptions), ct);
            }
            int violations = 0;
            foreach (var set in sets)
                foreach (var (field, f1, floor) in EvalFloors.Violations(set.Report, set.Floors))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]{set.Name}: {field}: F1 {f1:0.000} is below its floor {floor:0.000}[/]");
                    violations++;
                }
            return violations > 0 ? 1 : 0;
        });
        return command;
    }
}
