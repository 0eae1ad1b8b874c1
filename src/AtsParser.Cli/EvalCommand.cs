using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AtsParser.Core.Parsing.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AtsParser.Cli;

/// <summary>
/// `eval &lt;corpusDir&gt;`: extraction and the heuristic parser in-process over every document with a truth/&lt;file&gt;.json key,
/// then precision/recall/F1 per field and the mismatches. Exits 1 when a field's exact F1 is under its floor.
/// Mismatches are printed to this console for developers only; nothing of them goes to logs.
/// </summary>
static class EvalCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("corpusDir") { Description = "Folder with the documents and a truth/ folder of answer keys" };
        var minF1 = new Option<string[]>("--min-f1") { Description = "Floor override, field=value (repeatable)", AllowMultipleArgumentsPerToken = true };
        var floorsFile = new Option<FileInfo?>("--floors") { Description = "JSON file of floors {field: minF1}; default: the built-in eval-floors.json" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file" };
        var quiet = new Option<bool>("--no-mismatches") { Description = "Do not print the mismatch list" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Date that resolves 'Present' (default: today)" };
        var dump = new Option<DirectoryInfo?>("--dump-text") { Description = "Write each document's extracted text to this folder (for debugging the parser)" };
        var command = new Command("eval", "Measure parser accuracy against answer keys") { dir, minF1, floorsFile, json, quiet, asOf, dump };
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
            await using var services = CorpusEvaluation.BuildServices();
            var eval = services.GetRequiredService<CorpusEvaluation>();
            var day = parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var dumpDir = parse.GetValue(dump);
            if (dumpDir is not null) Directory.CreateDirectory(dumpDir.FullName);
            var report = await eval.RunAsync(parse.GetValue(dir)!.FullName, day, file => AnsiConsole.MarkupLineInterpolated($"[grey]{file}[/]"), ct,
                dumpDir is null ? null : (file, text) => File.WriteAllText(Path.Combine(dumpDir.FullName, file.Replace('/', '_') + ".txt"), text));
            EvalOutput.Print(report, floors, showMismatches: !parse.GetValue(quiet));
            if (parse.GetValue(json) is { } outFile)
                await File.WriteAllTextAsync(outFile.FullName, JsonSerializer.Serialize(EvalOutput.ToJson(report, floors), EvalOutput.JsonOptions), ct);
            var violations = EvalFloors.Violations(report, floors);
            foreach (var (field, f1, floor) in violations)
                AnsiConsole.MarkupLineInterpolated($"[red]{field}: F1 {f1:0.000} is below its floor {floor:0.000}[/]");
            return violations.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
