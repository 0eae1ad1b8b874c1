using System.Diagnostics;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing.Compaction;
using AtsParser.Core.Parsing.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace AtsParser.Bench.Tokens;

/// <summary>
/// `tokens [corpusDir] [rounds]`: the o200k_base tokenizer's load time (first use in this fresh process), its cost per
/// document (counting the extracted text; compaction with real counts against compaction with the chars/4 estimate),
/// and how far chars/4 is from the real count. Every corpus document with an answer key is extracted once.
/// </summary>
public static class TokensBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var corpus = args.Length > 0 ? args[0] : BenchCorpus.Locate();
        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;

        var load = Stopwatch.StartNew();
        var cpuLoad = Environment.CpuUsage.TotalTime;
        TokenCounter.O200k.Count("warm-up");
        Console.WriteLine($"o200k_base load (first use): {load.Elapsed.TotalMilliseconds:0} ms wall, {(Environment.CpuUsage.TotalTime - cpuLoad).TotalMilliseconds:0} ms CPU");

        await using var services = CorpusEvaluation.BuildServices();
        var runner = services.GetRequiredService<ChainRunner>();
        var texts = new List<(string File, string Text)>();
        foreach (var key in Directory.GetFiles(Path.Combine(corpus, "truth"), "*.json").Order(StringComparer.Ordinal).Select(TruthKey.Load))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(corpus, key.File), ct);
            try { texts.Add((key.File, (await runner.RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, key.File)), ct)).FullText)); }
            catch (ExtractionFailedException e) { Console.WriteLine($"{key.File,-45} skipped: {e.Message}"); }
        }

        var estimate = TokenCounter.Estimate(4);
        foreach (var (_, t) in texts) for (int i = 0; i < 5; i++) { TokenCounter.O200k.Count(t); TextCompactor.Compact(t, 40_000, estimate); }
        var count = new List<double>();
        var compactReal = new List<double>();
        var compactEstimate = new List<double>();
        long real = 0, est = 0;
        var errors = new List<double>();
        foreach (var (_, text) in texts)
        {
            count.Add(CpuMs(rounds, () => TokenCounter.O200k.Count(text)));
            compactReal.Add(CpuMs(rounds, () => TextCompactor.Compact(text, 40_000, TokenCounter.O200k)));
            compactEstimate.Add(CpuMs(rounds, () => TextCompactor.Compact(text, 40_000, estimate)));
            int r = TokenCounter.O200k.Count(text), e = estimate.Count(text);
            real += r;
            est += e;
            if (r > 0) errors.Add(Math.Abs(e - r) / (double)r);
        }
        Console.WriteLine($"{texts.Count} documents, {texts.Sum(t => t.Text.Length):N0} chars; o200k tokens {real:N0}, chars/4 estimate {est:N0} ({(double)est / real - 1:+0.0%;-0.0%} overall)");
        Console.WriteLine($"chars/4 error per document: median {Median(errors):0.0%}, p90 {P(errors, 0.9):0.0%}, max {errors.Max():0.0%}");
        Console.WriteLine($"count one document (CPU ms): median {Median(count):0.000}, p90 {P(count, 0.9):0.000}, max {count.Max():0.000}");
        Console.WriteLine($"compaction at 40000 chars (CPU ms): with o200k counts median {Median(compactReal):0.000} p90 {P(compactReal, 0.9):0.000}; with chars/4 median {Median(compactEstimate):0.000} p90 {P(compactEstimate, 0.9):0.000}");
        return 0;
    }

    // CPU time per call, averaged over the rounds: on a shared, overloaded machine wall-clock includes waiting for a core.
    static double CpuMs(int rounds, Action action)
    {
        var before = Environment.CpuUsage.TotalTime;
        for (int i = 0; i < rounds; i++) action();
        return (Environment.CpuUsage.TotalTime - before).TotalMilliseconds / rounds;
    }

    static double Median(List<double> xs) => P(xs, 0.5);

    static double P(List<double> xs, double p)
    {
        var sorted = xs.Order().ToList();
        return sorted[(int)Math.Round(p * (sorted.Count - 1))];
    }
}
