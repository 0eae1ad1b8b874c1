using System.Diagnostics;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Dates;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Parsing.Heuristic;
using Microsoft.Extensions.DependencyInjection;

namespace AtsParser.Bench;

/// <summary>
/// `parsing [corpusDir] [rounds]`: heuristic parse time per document, in-process, extraction excluded. Every corpus
/// document with an answer key is extracted once, warmed up, then parsed `rounds` times; reports median and p95 over
/// all (document, round) samples, plus the per-document medians (`--phases`: the same per parser phase). Baseline in the same run: text normalisation and
/// section detection alone, the floor any parser pays. `--dump file` writes every document's whole parse as JSON first.
/// </summary>
public static class ParsingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/corpus"));
        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
        await using var services = CorpusEvaluation.BuildServices();
        var runner = services.GetRequiredService<ChainRunner>();
        var parser = services.GetRequiredService<HeuristicResumeParser>();
        var inputs = new List<(string File, ParseInput Input)>();
        foreach (var key in Directory.GetFiles(Path.Combine(corpus, "truth"), "*.json").Order(StringComparer.Ordinal).Select(TruthKey.Load))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(corpus, key.File));
            ExtractionResult text;
            try { text = await runner.RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, key.File)), CancellationToken.None); }
            catch (ExtractionFailedException e)
            {
                // OCR on a busy shared machine can run past its timeout; the parser is what is measured here.
                Console.WriteLine($"{key.File,-45} skipped: {e.Message}");
                continue;
            }
            inputs.Add((key.File, new ParseInput(text.FullText, text.LinkTargets, new DateOnly(2026, 1, 1)) { Hints = text.Hints }));
        }
        if (DumpPath(args) is { } dump) await DumpAsync(dump, inputs, parser);
        // Tiered JIT promotes hot methods on a background thread, which the process CPU time below would count: a pause and a
        // second pass let it finish before anything is timed.
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var (_, input) in inputs) for (int i = 0; i < 40; i++) { parser.Parse(input); _ = new ResumeDocument(input.Text); }
            Thread.Sleep(1000);
        }
        var parse = new List<double>();
        var baseline = new List<double>();
        var cpu = new List<double>();
        var allocated = new List<double>();
        Console.WriteLine($"{"document",-45} {"chars",7} {"parse median ms",16} {"sections-only ms",17} {"parse cpu ms",13} {"alloc KB",9}");
        foreach (var (file, input) in inputs)
        {
            // CPU time per parse (the whole process, over all rounds): on a shared, overloaded machine wall-clock
            // samples include time spent waiting for a core, CPU time does not.
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var p = Measure(rounds, () => parser.Parse(input));
            cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / rounds);
            // Bytes allocated by one parse on this thread (the parser is single-threaded), after the timed rounds.
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            parser.Parse(input);
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1024.0);
            var b = Measure(rounds, () => _ = new ResumeDocument(input.Text));
            parse.AddRange(p);
            baseline.AddRange(b);
            Console.WriteLine($"{file,-45} {input.Text.Length,7} {Median(p),16:0.000} {Median(b),17:0.000} {cpu[^1],13:0.000} {allocated[^1],9:0.0}");
        }
        if (args.Contains("--phases")) PrintPhases(inputs, services, rounds);
        Console.WriteLine($"heuristic parse: median {Median(parse):0.000} ms, p95 {P95(parse):0.000} ms over {parse.Count} samples ({inputs.Count} documents x {rounds})");
        Console.WriteLine($"heuristic parse CPU time per document: median {Median(cpu):0.000} ms, p95 {P95(cpu):0.000} ms, max {cpu.Max():0.000} ms");
        Console.WriteLine($"heuristic parse allocation per document: median {Median(allocated):0.0} KB, p95 {P95(allocated):0.0} KB, total {allocated.Sum():0} KB");
        Console.WriteLine($"baseline (normalise + sections only): median {Median(baseline):0.000} ms, p95 {P95(baseline):0.000} ms; parse/baseline = {Median(parse) / Median(baseline):0.0}x");
        return 0;
    }

    static string? DumpPath(string[] args) => Array.IndexOf(args, "--dump") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    // `--dump file`: every document's whole parse (timings zeroed) as JSON, to diff before/after a speed-up.
    static async Task DumpAsync(string path, List<(string File, ParseInput Input)> inputs, HeuristicResumeParser parser)
    {
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        var all = inputs.ToDictionary(x => x.File, x =>
        {
            var resume = parser.Parse(x.Input);
            return resume with { Meta = resume.Meta with { TimingsMs = [] } };
        });
        await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(all, options));
        Console.WriteLine($"dumped {all.Count} parses to {path}");
    }

    // Per phase: the median over documents of each document's median, and the slowest document's median.
    static void PrintPhases(List<(string File, ParseInput Input)> inputs, IServiceProvider services, int rounds)
    {
        var skills = services.GetRequiredService<SkillDictionary>();
        var parser = services.GetRequiredService<HeuristicResumeParser>();
        var finalizer = services.GetRequiredService<AtsParser.Core.Parsing.Derivation.ResumeFinalizer>();
        var perPhase = new Dictionary<string, List<(string File, double Ms, double Kb)>>();
        foreach (var (file, input) in inputs)
            foreach (var (phase, action) in ParsingPhases.For(input, skills, parser, finalizer))
            {
                var ms = Median(Measure(rounds, () => { ParseMemo.Forget(); action(); }));
                ParseMemo.Forget();
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                action();
                var kb = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1024.0;
                (perPhase.TryGetValue(phase, out var l) ? l : perPhase[phase] = []).Add((file, ms, kb));
            }
        Console.WriteLine($"{"phase",-16} {"median ms",10} {"max ms",9} {"median KB",10} {"total KB",9}  slowest document");
        foreach (var (phase, xs) in perPhase)
        {
            var worst = xs.MaxBy(x => x.Ms);
            Console.WriteLine($"{phase,-16} {Median(xs.Select(x => x.Ms).ToList()),10:0.000} {worst.Ms,9:0.000} {Median(xs.Select(x => x.Kb).ToList()),10:0.0} {xs.Sum(x => x.Kb),9:0}  {worst.File}");
        }
    }

    static List<double> Measure(int rounds, Action action)
    {
        var samples = new List<double>(rounds);
        for (int i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    static double Median(List<double> xs) => Quantile(xs, 0.5);

    static double P95(List<double> xs) => Quantile(xs, 0.95);

    static double Quantile(List<double> xs, double q)
    {
        var s = xs.Order().ToList();
        var rank = q * (s.Count - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return s[lo] + (s[hi] - s[lo]) * (rank - lo);
    }
}
