using System.Text;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction --only pdfpath`: the text PDFs through three paths, interleaved per file in one run: raw `pdftotext`
/// (the floor), the previous path (bomb check, temp file, `pdfinfo` then `pdftotext`, normalisation: rebuilt here
/// from the code it replaced) and ours (one `pdftotext -bbox-layout`, reading order, link annotations).
/// </summary>
public static class PdfPathBench
{
    public static async Task<string> RunAsync(string corpus, int rounds, CancellationToken ct)
    {
        var files = BenchCorpus.Files(corpus, "pdf", f => !f.StartsWith("gen_scan", StringComparison.Ordinal));
        await using var host = new BenchHost(libreOfficePoolSize: 0);
        var raw = new Samples("raw");
        var previous = new Samples("previous");
        var ours = new Samples("ours");
        Func<string, Task<int>>[] paths =
        [
            async f => { await BenchHost.RawAsync("pdftotext", ["-enc", "UTF-8", "-eol", "unix", f, "-"], ct); return 0; },
            f => PreviousPathAsync(f, ct),
            async f => (await host.ExtractAsync(f, ct)).Chars,
        ];
        var samples = new[] { raw, previous, ours };
        foreach (var f in files) foreach (var p in paths) await p(f);
        for (int r = 0; r < rounds; r++)
        {
            ExtractionBench.Progress($"pdfpath: round {r + 1}/{rounds}");
            foreach (var f in files)
                for (int k = 0; k < 3; k++)
                {
                    int i = (k + r) % 3; // rotate who goes first
                    await samples[i].TimeAsync(() => paths[i](f));
                }
        }
        var sb = new StringBuilder("### PDF path: one process with word boxes vs the previous two-process path vs raw pdftotext\n\n");
        sb.AppendLine("| path | runs | median ms | p95 ms | docs/s | vs raw (paired median) | vs previous (paired median) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in samples)
            sb.AppendLine($"| {s.Name} | {s.Count} | {Fmt.Ms(s.Median)} | {Fmt.Ms(s.P95)} | {Fmt.Rate(s.DocsPerSecond)} | {Fmt.Ratio(Samples.PairedRatio(s, raw))} | {Fmt.Ratio(Samples.PairedRatio(s, previous))} |");
        return sb.ToString();
    }

    static async Task<int> PreviousPathAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        PdfStreams.CheckInflatedSize(bytes, 256L * 1024 * 1024, ct);
        using var tmp = new TempDir("bench-prev");
        var pdf = tmp.File("input.pdf");
        await File.WriteAllBytesAsync(pdf, PdfStreams.WithoutTrailingJunk(bytes), ct);
        var info = await BenchHost.RawAsync("pdfinfo", [pdf], ct);
        var r = await BenchHost.RawAsync("pdftotext", ["-enc", "UTF-8", "-eol", "unix", pdf, "-"], ct);
        var count = info.StdoutText.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal)) is { } line ? int.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 1;
        var pages = PdfText.SplitPages(PdfText.Normalize(r.StdoutText), count);
        return TextQuality.Clean(string.Join("\f", pages)).Length;
    }
}
