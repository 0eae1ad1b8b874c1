using System.Diagnostics;
using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction --only lodoc`: one one-page DOC (an invented resume saved as Word 97 by soffice at start) through the warm pool vs a cold `soffice --convert-to` (our per-call path and the raw CLI),
/// interleaved, first as the machine is, then with two busy-spinning threads per core added ("under load").
/// </summary>
public static class LibreOfficeDocBench
{
    public static async Task<string> RunAsync(int rounds, CancellationToken ct)
    {
        using var tmp = new TempDir("bench-lodoc");
        var doc = await OnePageDocAsync(tmp, ct);
        var bytes = await File.ReadAllBytesAsync(doc, ct);
        var input = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, "one-page.doc"));
        await using var warm = new BenchHost(libreOfficePoolSize: 1);
        await using var cold = new BenchHost(libreOfficePoolSize: 0);
        var pool = warm.Get<LibreOfficePool>();
        var startup = Stopwatch.StartNew();
        if (!await pool.WarmUpAsync(ct)) throw new InvalidOperationException("the LibreOffice pool did not start (python3-uno missing?)");
        var startupMs = startup.ElapsedMilliseconds;
        for (int i = 0; i < 3; i++) await warm.Get<LibreOfficeTextExtractor>().ExtractAsync(input, ct);

        var t = new StringBuilder($"### LibreOffice: a one-page DOC through the warm pool vs a cold soffice\n\n");
        t.AppendLine($"{new FileInfo(doc).Length:N0}-byte DOC, {rounds} rounds per phase, the three paths interleaved (rotating order). Pool of 1 listener, start-up {startupMs} ms. " +
                     $"\"Under load\": {2 * Environment.ProcessorCount} extra threads spinning on {Environment.ProcessorCount} cores during the phase.\n");
        t.AppendLine("| phase | load avg at start | warm pool median ms | warm p95 ms | cold (ours, own profile) median ms | raw `soffice --convert-to` median ms | cold / warm (paired median) |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var loaded in new[] { false, true })
        {
            using var spin = new CancellationTokenSource();
            var burners = loaded ? Enumerable.Range(0, 2 * Environment.ProcessorCount).Select(_ => Task.Factory.StartNew(() => Spin(spin.Token), TaskCreationOptions.LongRunning)).ToArray() : [];
            if (loaded) await Task.Delay(3000, ct);
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var warmS = new Samples("warm");
            var coldS = new Samples("cold");
            var rawS = new Samples("raw");
            for (int r = 0; r < rounds; r++)
            {
                ExtractionBench.Progress($"lodoc: {(loaded ? "loaded" : "as is")} round {r + 1}/{rounds}");
                var steps = new Func<Task>[]
                {
                    () => warmS.TimeAsync(async () => (await warm.Get<LibreOfficeTextExtractor>().ExtractAsync(input, ct)).Text.Length),
                    () => coldS.TimeAsync(async () => (await cold.Get<LibreOfficeTextExtractor>().ExtractAsync(input, ct)).Text.Length),
                    () => rawS.TimeAsync(async () => { await RawAsync(doc, ct); return 0; }),
                };
                for (int i = 0; i < 3; i++) await steps[(i + r) % 3]();
            }
            spin.Cancel();
            await Task.WhenAll(burners);
            var row = $"| {(loaded ? "under load" : "machine as is")} | {load} | {Fmt.Ms(warmS.Median)} | {Fmt.Ms(warmS.P95)} | {Fmt.Ms(coldS.Median)} | {Fmt.Ms(rawS.Median)} | {Fmt.Ratio(Samples.PairedRatio(coldS, warmS))} |";
            t.AppendLine(row);
            ExtractionBench.Progress(row); // a phase's row survives a run cut short
        }
        return t.ToString();
    }

    static void Spin(CancellationToken ct)
    {
        double x = 1;
        while (!ct.IsCancellationRequested) for (int i = 0; i < 100_000; i++) x = x * 1.0000001 + 1e-9;
        GC.KeepAlive(x);
    }

    // The corpus has no one-page DOC: an invented one-page resume as text, saved as Word 97 by LibreOffice.
    static async Task<string> OnePageDocAsync(TempDir tmp, CancellationToken ct)
    {
        var lines = new List<string> { "Alex Example", "Senior Accountant", "alex@example.org | +1 555 0100 | Springfield", "", "EXPERIENCE" };
        for (int i = 0; i < 8; i++)
            lines.AddRange([$"Accountant, Northwind Traders {i + 1}, {2010 + i} – {2011 + i}", "- Closed the monthly books and reconciled ledgers", "- Prepared tax filings and audit binders", "- Automated reporting in spreadsheets", ""]);
        var txt = tmp.File("one-page.txt");
        await File.WriteAllLinesAsync(txt, lines, ct);
        await BenchHost.RawAsync("soffice",
            ["--headless", "--norestore", "-env:UserInstallation=" + new Uri(tmp.File("profile")).AbsoluteUri, "--convert-to", "doc:MS Word 97", "--outdir", tmp.Path, txt], ct,
            new Dictionary<string, string> { ["HOME"] = tmp.Path, ["SAL_USE_VCLPLUGIN"] = "svp" });
        LibreOfficePipes.Remove(new Uri(tmp.File("profile")).AbsoluteUri);
        return tmp.File("one-page.doc");
    }

    static async Task RawAsync(string path, CancellationToken ct)
    {
        using var tmp = new TempDir("bench-soffice");
        await BenchHost.RawAsync("soffice",
            ["--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo", "-env:UserInstallation=" + new Uri(tmp.File("profile")).AbsoluteUri,
             "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp.Path, path], ct,
            new Dictionary<string, string> { ["HOME"] = tmp.Path, ["SAL_USE_VCLPLUGIN"] = "svp" });
        LibreOfficePipes.Remove(new Uri(tmp.File("profile")).AbsoluteUri);
    }
}
