using System.Diagnostics;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Parsing.Heuristic;
using Microsoft.Extensions.DependencyInjection;

namespace AtsParser.Bench;

/// <summary>
/// `parsing [corpusDir] [rounds]`: heuristic parse time per document, in-process, extraction excluded. Every corpus
/// document with an answer key is extracted once, warmed up, then parsed `rounds` times; reports median and p95 over
/// all (document, round) samples, plus the per-document medians. Baseline in the same run: text normalisation and
/// section detection alone, the floor any parser pays.
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
            var text = await runner.RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, key.File)), CancellationToken.None);
            inputs.Add((key.File, new ParseInput(text.FullText, text.Links, new DateOnly(2026, 1, 1))));
        }
        foreach (var (_, input) in inputs) for (int i = 0; i < 40; i++) { parser.Parse(input); _ = new ResumeDocument(input.Text); }
        var parse = new List<double>();
        var baseline = new List<double>();
        Console.WriteLine($"{"document",-45} {"chars",7} {"parse median ms",16} {"sections-only ms",17}");
        foreach (var (file, input) in inputs)
        {
            var p = Measure(rounds, () => parser.Parse(input));
            var b = Measure(rounds, () => _ = new ResumeDocument(input.Text));
            parse.AddRange(p);
            baseline.AddRange(b);
            Console.WriteLine($"{file,-45} {input.Text.Length,7} {Median(p),16:0.000} {Median(b),17:0.000}");
        }
        Console.WriteLine($"heuristic parse: median {Median(parse):0.000} ms, p95 {P95(parse):0.000} ms over {parse.Count} samples ({inputs.Count} documents x {rounds})");
        Console.WriteLine($"baseline (normalise + sections only): median {Median(baseline):0.000} ms, p95 {P95(baseline):0.000} ms; parse/baseline = {Median(parse) / Median(baseline):0.0}x");
        return 0;
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
