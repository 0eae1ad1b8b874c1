using System.Globalization;
using System.Text;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction --only pdfpath`: the text PDFs through five paths, interleaved per file in one run: raw `pdftotext`
/// (the floor), the previous path (bomb check, temp file, `pdfinfo` then `pdftotext`, normalisation: rebuilt here
/// from the code it replaced), ours through `pdftotext -bbox-layout`, ours through the warm pdfwords worker
/// (PDF_ENABLE_WORKER), and PdfPig reading every page's letters (what an in-process PdfPig step would cost at least).
/// Then the CPU each of our two paths costs per document (this process + its children + the workers), and whether
/// both give the same text on every text PDF of the corpus and of the synthetic sets given with --synth DIR[,DIR].
/// </summary>
public static class PdfPathBench
{
    public static async Task<string> RunAsync(string corpus, int rounds, string? synth, CancellationToken ct)
    {
        var files = BenchCorpus.Files(corpus, "pdf", f => !f.StartsWith("gen_scan", StringComparison.Ordinal));
        await using var host = new BenchHost(libreOfficePoolSize: 0, new Dictionary<string, string?> { ["Extraction:EnablePdfWorker"] = "false" });
        await using var worker = new BenchHost(libreOfficePoolSize: 0, new Dictionary<string, string?> { ["Extraction:EnablePdfWorker"] = "true" });
        var raw = new Samples("raw");
        var previous = new Samples("previous");
        var ours = new Samples("ours, pdftotext");
        var warm = new Samples("ours, pdfwords worker");
        var pig = new Samples("PdfPig letters only");
        Func<string, Task<int>>[] paths =
        [
            async f => { await BenchHost.RawAsync("pdftotext", ["-enc", "UTF-8", "-eol", "unix", f, "-"], ct); return 0; },
            f => PreviousPathAsync(f, ct),
            async f => (await host.ExtractAsync(f, ct)).Chars,
            async f => (await worker.ExtractAsync(f, ct)).Chars,
            f => Task.FromResult(PdfPigLetters(File.ReadAllBytes(f))),
        ];
        var samples = new[] { raw, previous, ours, warm, pig };
        if ((await worker.ExtractAsync(files[0], ct)).ExtractedBy != "pdfwords") throw new InvalidOperationException("the pdfwords worker did not run: is pdfwords on PATH?");
        foreach (var f in files) foreach (var p in paths) await p(f);
        for (int r = 0; r < rounds; r++)
        {
            ExtractionBench.Progress($"pdfpath: round {r + 1}/{rounds}");
            foreach (var f in files)
                for (int k = 0; k < samples.Length; k++)
                {
                    int i = (k + r) % samples.Length; // rotate who goes first
                    await samples[i].TimeAsync(() => paths[i](f));
                }
        }
        var sb = new StringBuilder("### PDF path: pdfwords worker, pdftotext -bbox-layout, the previous two-process path, raw pdftotext, PdfPig\n\n");
        sb.AppendLine("| path | runs | median ms | p95 ms | docs/s | vs raw (paired median) | vs previous (paired median) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in samples)
            sb.AppendLine($"| {s.Name} | {s.Count} | {Fmt.Ms(s.Median)} | {Fmt.Ms(s.P95)} | {Fmt.Rate(s.DocsPerSecond)} | {Fmt.Ratio(Samples.PairedRatio(s, raw))} | {Fmt.Ratio(Samples.PairedRatio(s, previous))} |");
        sb.AppendLine($"\nPaired median, worker vs pdftotext path: {Fmt.Ratio(Samples.PairedRatio(warm, ours))}; PdfPig letters vs pdftotext path: {Fmt.Ratio(Samples.PairedRatio(pig, ours))}.");
        sb.Append(await CpuAsync(files, host, worker, Math.Max(2, rounds), ct));
        sb.Append(await SameTextAsync([.. files, .. SynthPdfs(synth)], host, worker, ct));
        return sb.ToString();
    }

    // CPU of the service's side, path by path (not interleaved: CPU counters are per process): this process, its
    // reaped children (pdftotext) and the live pdfwords workers.
    static async Task<string> CpuAsync(string[] files, BenchHost host, BenchHost worker, int rounds, CancellationToken ct)
    {
        var sb = new StringBuilder("\n| path (CPU, blocks of " + rounds + " rounds) | documents | CPU ms per document | of it in workers or children |\n|---|---:|---:|---:|\n");
        foreach (var (name, h) in new[] { ("ours, pdftotext", host), ("ours, pdfwords worker", worker) })
        {
            var (self0, kids0, work0) = (Self(), Children(), Workers(h));
            int n = 0;
            for (int r = 0; r < rounds; r++) foreach (var f in files) { await h.ExtractAsync(f, ct); n++; }
            double self = Self() - self0, kids = Children() - kids0, work = Workers(h) - work0;
            sb.AppendLine($"| {name} | {n} | {Fmt.Ms((self + kids + work) / n)} | {Fmt.Ms((kids + work) / n)} |");
        }
        return sb.ToString();
    }

    static double Self() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    static double Children() => Ticks("/proc/self/stat", 15);
    static double Workers(BenchHost h) => h.Get<PdfWordsPool>().ProcessIds.Sum(pid => Ticks($"/proc/{pid}/stat", 13));

    // utime + stime (or cutime + cstime) in clock ticks of 10 ms, fields after the command's closing parenthesis.
    static double Ticks(string stat, int field)
    {
        try
        {
            var text = File.ReadAllText(stat);
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(f[field - 2], CultureInfo.InvariantCulture) + long.Parse(f[field - 1], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException) { return 0; }
    }

    static IEnumerable<string> SynthPdfs(string? dirs) => (dirs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(d => Directory.EnumerateFiles(d, "*.pdf", SearchOption.AllDirectories)).Order(StringComparer.Ordinal);

    static async Task<string> SameTextAsync(string[] files, BenchHost host, BenchHost worker, CancellationToken ct)
    {
        int same = 0;
        var diff = new List<string>();
        foreach (var f in files)
        {
            var a = await host.ExtractAsync(f, ct);
            var b = await worker.ExtractAsync(f, ct);
            bool eq = a.FullText == b.FullText && a.Links.SequenceEqual(b.Links) && a.Layout == b.Layout;
            if (eq && b.ExtractedBy.StartsWith("pdfwords", StringComparison.Ordinal)) same++;
            else diff.Add($"{Path.GetFileName(f)} ({a.ExtractedBy} {a.Chars} chars vs {b.ExtractedBy} {b.Chars})");
        }
        return $"\nSame text, links and layout from both paths (and read by the worker): {same}/{files.Length} text PDFs" +
               (diff.Count > 0 ? "; different: " + string.Join(", ", diff) : "") + ".\n";
    }

    /// <summary>
    /// `extraction --only pdfverdicts`: every PDF of the corpus's hostile folder through the chain with the worker and
    /// without it: the same outcome (text length, or error code) from both is what "the worker judges nothing" means.
    /// </summary>
    public static async Task<string> VerdictsAsync(string corpus, CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(Path.Combine(corpus, "hostile"), "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var settings = new Dictionary<string, string?> { ["Extraction:PdfTimeoutSeconds"] = "20", ["Extraction:DocumentBudgetSeconds"] = "60" };
        await using var off = new BenchHost(0, new Dictionary<string, string?>(settings) { ["Extraction:EnablePdfWorker"] = "false" });
        await using var on = new BenchHost(0, new Dictionary<string, string?>(settings) { ["Extraction:EnablePdfWorker"] = "true" });
        var sb = new StringBuilder("| hostile PDF | pdftotext chain | worker chain | worker step |\n|---|---|---|---|\n");
        int same = 0;
        foreach (var f in files)
        {
            ExtractionBench.Progress("pdfverdicts: " + Path.GetFileName(f));
            var (a, _) = await VerdictAsync(off, f, ct);
            var (b, step) = await VerdictAsync(on, f, ct);
            if (a == b) same++;
            sb.AppendLine($"| {Path.GetRelativePath(corpus, f)} | {a} | {(a == b ? "same" : b)} | {step} |");
        }
        return $"### Hostile PDFs: the same outcome with and without the worker: {same}/{files.Length}\n\n" + sb;
    }

    static async Task<(string Verdict, string Step)> VerdictAsync(BenchHost host, string file, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        try
        {
            var r = await host.Get<ChainRunner>().RunAsync(new ExtractionInput(bytes, AtsParser.Core.Documents.FormatSniffer.Sniff(bytes, Path.GetFileName(file))), ct);
            return ($"ok {r.ExtractedBy.Replace("pdfwords", "pdftotext")} {r.Chars} chars", Step(r.Attempts));
        }
        catch (ExtractionFailedException e) { return (e.Code, Step(e.Attempts)); }
        catch (AtsParser.Core.Documents.CodedException e) { return (e.Code, "-"); }
    }

    static string Step(IReadOnlyList<ExtractionAttempt> attempts) =>
        attempts.FirstOrDefault(a => a.Tool == "pdfwords") is { } a ? a.Outcome + (a.Error is null ? "" : ": " + a.Error) : "-";

    /// <summary>Option A's floor: PdfPig opens the PDF and reads every page's letters, nothing more.</summary>
    static int PdfPigLetters(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        int n = 0;
        for (int p = 1; p <= doc.NumberOfPages; p++) n += doc.GetPage(p).Letters.Count;
        return n;
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
