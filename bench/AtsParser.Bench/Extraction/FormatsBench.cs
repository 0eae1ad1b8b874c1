using System.Text;
using AtsParser.Core.Extraction;

namespace AtsParser.Bench.Extraction;

/// <summary>Per format: our chain (sniff + extractors, in-process) vs the raw tool, back to back per file.</summary>
public static class FormatsBench
{
    sealed record Case(string Format, string[] Files, string RawLabel, Func<string, string, CancellationToken, Task> Raw, bool Ocr = false);

    public static async Task<string> RunAsync(string corpus, int rounds, int ocrRounds, CancellationToken ct)
    {
        Task Tool(string tool, CancellationToken c, params string[] a) => BenchHost.RawAsync(tool, a, c);
        Case[] cases =
        [
            new("pdf (text layer)", BenchCorpus.Files(corpus, "pdf", f => !f.StartsWith("gen_scan")), "pdftotext",
                (f, _, c) => Tool("pdftotext", c, "-enc", "UTF-8", "-eol", "unix", f, "-")),
            new("doc", BenchCorpus.Files(corpus, "doc"), "antiword -w 0 -m UTF-8.txt",
                (f, _, c) => Tool("antiword", c, "-w", "0", "-m", "UTF-8.txt", f)),
            new("docx", BenchCorpus.Files(corpus, "docx"), "pandoc -t plain",
                (f, _, c) => Tool("pandoc", c, "--sandbox", "-f", "docx", "-t", "plain", "--wrap=none", f)),
            new("rtf", BenchCorpus.Files(corpus, "rtf"), "pandoc -t plain",
                (f, _, c) => Tool("pandoc", c, "--sandbox", "-f", "rtf", "-t", "plain", "--wrap=none", f)),
            new("odt", BenchCorpus.Files(corpus, "odt"), "pandoc -t plain",
                (f, _, c) => Tool("pandoc", c, "--sandbox", "-f", "odt", "-t", "plain", "--wrap=none", f)),
            new("txt", BenchCorpus.Files(corpus, "txt"), "cat",
                (f, _, c) => Tool("cat", c, f)),
            new("image", BenchCorpus.Files(corpus, "image"), "tesseract (default threads)",
                (f, _, c) => Tool("tesseract", c, f, "stdout", "--psm", "3", "-l", "eng"), Ocr: true),
            new("pdf (scanned)", BenchCorpus.Files(corpus, "pdf", f => f.StartsWith("gen_scan")), "pdftoppm -gray + tesseract (default threads)",
                RawScannedPdfAsync, Ocr: true),
        ];

        await using var host = new BenchHost(libreOfficePoolSize: 0);
        var table = new StringBuilder();
        table.AppendLine("| format | files | runs | ours median ms | ours p95 ms | ours docs/s | raw tool | raw median ms | raw p95 ms | raw docs/s | ours/raw (paired median) |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        var winners = new StringBuilder();
        foreach (var c in cases)
        {
            var ours = new Samples("ours");
            var raw = new Samples("raw");
            var extractedBy = new SortedSet<string>();
            using var tmp = new TempDir("bench-raw");
            // Untimed warm-up: JIT, page cache, tool binaries in memory.
            foreach (var f in c.Files) { await host.ExtractAsync(f, ct); await c.Raw(f, tmp.Path, ct); }
            int n = c.Ocr ? ocrRounds : rounds;
            for (int r = 0; r < n; r++)
            {
                ExtractionBench.Progress($"formats: {c.Format} round {r + 1}/{n}");
                foreach (var f in c.Files)
                {
                    // Alternate who goes first so neither side always inherits the other's cache or CPU state.
                    if (r % 2 == 0) { extractedBy.Add((await ours.TimeAsync(() => host.ExtractAsync(f, ct))).ExtractedBy); await raw.TimeAsync(async () => { await c.Raw(f, tmp.Path, ct); return 0; }); }
                    else { await raw.TimeAsync(async () => { await c.Raw(f, tmp.Path, ct); return 0; }); extractedBy.Add((await ours.TimeAsync(() => host.ExtractAsync(f, ct))).ExtractedBy); }
                }
            }
            table.AppendLine($"| {c.Format} | {c.Files.Length} | {ours.Count} | {Fmt.Ms(ours.Median)} | {Fmt.Ms(ours.P95)} | {Fmt.Rate(ours.DocsPerSecond)} | {c.RawLabel} | {Fmt.Ms(raw.Median)} | {Fmt.Ms(raw.P95)} | {Fmt.Rate(raw.DocsPerSecond)} | {Fmt.Ratio(Samples.PairedRatio(ours, raw))} |");
            winners.AppendLine($"- {c.Format}: our chain's winning extractor(s): {string.Join(", ", extractedBy)}");
        }
        return "### Our extraction vs the raw tool, per format (sequential, one document at a time)\n\n" + table + "\n" + winners;
    }

    /// <summary>What a user would script by hand: render every page, then tesseract each page with its defaults.</summary>
    static async Task RawScannedPdfAsync(string pdf, string tmp, CancellationToken ct)
    {
        var dir = Directory.CreateDirectory(Path.Combine(tmp, Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await BenchHost.RawAsync("pdftoppm", ["-gray", "-r", "200", pdf, Path.Combine(dir, "page")], ct);
            foreach (var page in Directory.GetFiles(dir, "*.pgm").Order(StringComparer.Ordinal))
                await BenchHost.RawAsync("tesseract", [page, "stdout", "--psm", "3", "-l", "eng"], ct);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
