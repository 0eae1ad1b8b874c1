using System.Text;
using AtsParser.Core.Extraction;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// Tesseract threading: one thread per process (OMP_THREAD_LIMIT=1) with pages/images in parallel up to the core
/// count, as the service does, vs tesseract's default OpenMP threading one page at a time.
/// </summary>
public static class OcrBench
{
    public static async Task<string> RunAsync(string corpus, int rounds, CancellationToken ct)
    {
        var scans = BenchCorpus.Files(corpus, "pdf", f => f.StartsWith("gen_scan"));
        var images = BenchCorpus.Files(corpus, "image");
        int parallel = Environment.ProcessorCount;
        await using var host = new BenchHost(libreOfficePoolSize: 0);
        using var tmp = new TempDir("bench-ocr");

        // Page images rendered once, outside the timing: this compares tesseract only.
        var pages = new List<string>();
        foreach (var pdf in scans)
        {
            var prefix = Path.Combine(tmp.Path, Path.GetFileNameWithoutExtension(pdf));
            await BenchHost.RawAsync("pdftoppm", ["-gray", "-r", "200", pdf, prefix], ct);
        }
        pages.AddRange(Directory.GetFiles(tmp.Path, "*.pgm").Order(StringComparer.Ordinal));

        var sets = new (string Label, string[] Inputs)[] { ($"scanned PDF pages (200 dpi PGM, {pages.Count} pages from {scans.Length} PDF)", [.. pages]), ($"images ({images.Length})", images) };
        var t = new StringBuilder();
        t.AppendLine("### OCR: OMP_THREAD_LIMIT=1 + parallel pages vs tesseract defaults\n");
        t.AppendLine($"`tesseract IN stdout --psm 3 -l eng`, {rounds} rounds per variant, variants interleaved; wall time for the whole set. Parallelism {parallel} (the core count).\n");
        t.AppendLine("| inputs | variant | runs | median wall ms per set | pages/s | vs defaults (paired median) |");
        t.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (label, inputs) in sets)
        {
            var one = new Samples("omp1-parallel");
            var oneSeq = new Samples("omp1-sequential");
            var dflt = new Samples("default-sequential");
            await OcrSetAsync(inputs, BenchHost.OneOcrThread, parallel, ct);
            for (int r = 0; r < rounds; r++)
            {
                ExtractionBench.Progress($"ocr: {label} round {r + 1}/{rounds}");
                var steps = new Func<Task>[]
                {
                    () => one.TimeAsync(async () => { await OcrSetAsync(inputs, BenchHost.OneOcrThread, parallel, ct); return 0; }),
                    () => dflt.TimeAsync(async () => { await OcrSetAsync(inputs, null, 1, ct); return 0; }),
                    () => oneSeq.TimeAsync(async () => { await OcrSetAsync(inputs, BenchHost.OneOcrThread, 1, ct); return 0; }),
                };
                for (int i = 0; i < steps.Length; i++) await steps[(i + r) % steps.Length]();
            }
            Row(t, label, $"OMP_THREAD_LIMIT=1, {parallel} in parallel (the service)", one, dflt, inputs.Length);
            Row(t, label, "OMP_THREAD_LIMIT=1, one at a time", oneSeq, dflt, inputs.Length);
            Row(t, label, "tesseract defaults, one at a time", dflt, dflt, inputs.Length);
        }

        // The whole path for a scanned PDF upload, for reference: pdfinfo + pdftotext probe + pdftoppm + tesseract.
        var ours = new Samples("ours");
        foreach (var pdf in scans) await host.ExtractAsync(pdf, ct);
        for (int r = 0; r < rounds; r++) foreach (var pdf in scans) await ours.TimeAsync(() => host.ExtractAsync(pdf, ct));
        t.AppendLine($"\nWhole service path for the scanned PDF (probe, render, OCR pages in parallel): median {Fmt.Ms(ours.Median)} ms, p95 {Fmt.Ms(ours.P95)} ms over {ours.Count} runs.");
        return t.ToString();
    }

    static void Row(StringBuilder t, string label, string variant, Samples s, Samples baseline, int inputs) =>
        t.AppendLine($"| {label} | {variant} | {s.Count} | {Fmt.Ms(s.Median)} | {Fmt.Rate(inputs / (s.Median / 1000))} | {Fmt.Ratio(Samples.PairedRatio(s, baseline))} |");

    static async Task OcrSetAsync(string[] inputs, IReadOnlyDictionary<string, string>? env, int parallel, CancellationToken ct) =>
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (input, c) =>
            await BenchHost.RawAsync("tesseract", [input, "stdout", "--psm", "3", "-l", "eng"], c, env));
}
