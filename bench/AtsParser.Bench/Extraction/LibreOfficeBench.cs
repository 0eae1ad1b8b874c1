using System.Diagnostics;
using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;

namespace AtsParser.Bench.Extraction;

/// <summary>LibreOffice text conversion: warm pool vs our cold per-call path vs raw `soffice --convert-to`.</summary>
public static class LibreOfficeBench
{
    const string Filter = "txt:Text (encoded):UTF8";

    public static async Task<string> RunAsync(string corpus, int rounds, CancellationToken ct)
    {
        var files = new[] { "doc", "docx", "rtf", "odt" }.SelectMany(d => BenchCorpus.Files(corpus, d)).ToArray();
        await using var warm = new BenchHost(libreOfficePoolSize: 2);
        await using var cold = new BenchHost(libreOfficePoolSize: 0);
        var pool = warm.Get<LibreOfficePool>();
        var startup = Stopwatch.StartNew();
        if (!await pool.WarmUpAsync(ct)) throw new InvalidOperationException("the LibreOffice pool did not start (python3-uno missing?)");
        var startupMs = startup.ElapsedMilliseconds;

        var warmS = new Samples("warm");
        var coldS = new Samples("cold");
        var rawS = new Samples("raw");
        int mismatches = 0;
        // Warm-up pass, untimed, which also checks that warm and cold give the same text.
        foreach (var f in files)
            if (await ConvertAsync(warm, f, ct) != await ConvertAsync(cold, f, ct)) mismatches++;
        var before = pool.Converted;
        for (int r = 0; r < rounds; r++)
        {
            ExtractionBench.Progress($"libreoffice: round {r + 1}/{rounds} ({files.Length} files x 3 paths)");
            foreach (var f in files)
            {
                // Rotate the order of the three paths per file and round.
                var steps = new Func<Task>[]
                {
                    () => warmS.TimeAsync(() => ConvertAsync(warm, f, ct)),
                    () => coldS.TimeAsync(() => ConvertAsync(cold, f, ct)),
                    () => rawS.TimeAsync(async () => { await RawAsync(f, ct); return 0; }),
                };
                int shift = (r + Array.IndexOf(files, f)) % 3;
                for (int i = 0; i < 3; i++) await steps[(i + shift) % 3]();
            }
        }
        var viaPool = pool.Converted - before;

        ExtractionBench.Progress("libreoffice: two at a time");
        var warmPar = await ParallelAsync(files, f => ConvertAsync(warm, f, ct), ct);
        var coldPar = await ParallelAsync(files, f => ConvertAsync(cold, f, ct), ct);

        var t = new StringBuilder();
        t.AppendLine("### LibreOffice: warm pool vs cold, doc/docx/rtf/odt to text\n");
        t.AppendLine($"{files.Length} files × {rounds} rounds, interleaved. Pool of 2 listeners, start-up (both, in parallel) {startupMs} ms; " +
                     $"{viaPool} of {warmS.Count} timed warm conversions went through a listener; warm and cold text differed on {mismatches} of {files.Length} files.\n");
        t.AppendLine("| path | runs | median ms | p95 ms | docs/s | vs raw soffice (paired median) |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|");
        t.AppendLine($"| ours, warm pool (LibreOfficeTextExtractor) | {warmS.Count} | {Fmt.Ms(warmS.Median)} | {Fmt.Ms(warmS.P95)} | {Fmt.Rate(warmS.DocsPerSecond)} | {Fmt.Ratio(Samples.PairedRatio(warmS, rawS))} |");
        t.AppendLine($"| ours, cold per call (LIBREOFFICE_POOL_SIZE=0) | {coldS.Count} | {Fmt.Ms(coldS.Median)} | {Fmt.Ms(coldS.P95)} | {Fmt.Rate(coldS.DocsPerSecond)} | {Fmt.Ratio(Samples.PairedRatio(coldS, rawS))} |");
        t.AppendLine($"| raw `soffice --headless --convert-to txt` (own profile per call) | {rawS.Count} | {Fmt.Ms(rawS.Median)} | {Fmt.Ms(rawS.P95)} | {Fmt.Rate(rawS.DocsPerSecond)} | 1.00× |");
        t.AppendLine($"| ours, warm pool, 2 requests at a time | {warmPar.Docs} | | | {Fmt.Rate(warmPar.Docs / warmPar.Seconds)} | |");
        t.AppendLine($"| ours, cold, 2 requests at a time | {coldPar.Docs} | | | {Fmt.Rate(coldPar.Docs / coldPar.Seconds)} | |");
        t.AppendLine($"\nWarm/cold (paired median): {Fmt.Ratio(Samples.PairedRatio(warmS, coldS))}; cold/warm median: {coldS.Median / warmS.Median:0.0}× faster warm.");
        return t.ToString();
    }

    static async Task<string> ConvertAsync(BenchHost host, string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var input = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(path)));
        return (await host.Get<LibreOfficeTextExtractor>().ExtractAsync(input, ct)).Text;
    }

    static async Task RawAsync(string path, CancellationToken ct)
    {
        using var tmp = new TempDir("bench-soffice");
        await BenchHost.RawAsync("soffice",
            ["--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo", "-env:UserInstallation=" + new Uri(tmp.File("profile")).AbsoluteUri,
             "--convert-to", Filter, "--outdir", tmp.Path, path], ct,
            new Dictionary<string, string> { ["HOME"] = tmp.Path, ["SAL_USE_VCLPLUGIN"] = "svp" });
        LibreOfficePipes.Remove(new Uri(tmp.File("profile")).AbsoluteUri);
        if (Directory.GetFiles(tmp.Path, "*.txt").Length == 0) throw new InvalidOperationException($"soffice wrote nothing for {path}");
    }

    static async Task<(int Docs, double Seconds)> ParallelAsync(string[] work, Func<string, Task<string>> convert, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (f, _) => await convert(f));
        return (work.Length, sw.Elapsed.TotalSeconds);
    }
}
