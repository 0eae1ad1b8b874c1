using System.Globalization;
using AtsParser.Core.Extraction;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction --only pdfcpu --list FILE [--rounds N]`: the CPU one PDF costs on the worker path, split into this
/// process (the service's side: chain, reply reading, layout, reading order, clean-up) and the pdfwords worker, after
/// ten warm-up passes. Run two builds alternately in the same window and compare the ratios (bench/RESULTS.md).
/// </summary>
public static class PdfCpuBench
{
    public static async Task<string> RunAsync(string list, int rounds, CancellationToken ct)
    {
        var files = File.ReadAllLines(list).Where(l => l.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToArray();
        await using var host = new BenchHost(0, new Dictionary<string, string?> { ["Extraction:EnablePdfWorker"] = "true", ["Extraction:EnableOcr"] = "false" });
        var bytes = files.Select(File.ReadAllBytes).ToArray();
        var sniffs = files.Select((f, i) => AtsParser.Core.Documents.FormatSniffer.Sniff(bytes[i], Path.GetFileName(f))).ToArray();
        async Task PassAsync()
        {
            for (int i = 0; i < files.Length; i++)
            {
                var r = await host.Get<ChainRunner>().RunAsync(new ExtractionInput(bytes[i], sniffs[i]), ct);
                if (r.ExtractedBy != "pdfwords") throw new InvalidOperationException($"{Path.GetFileName(files[i])}: read by {r.ExtractedBy}, not the worker");
            }
        }
        // Ten passes first: tiered JIT (and its background thread, which counts as this process's CPU) settles.
        for (int w = 0; w < 10; w++) await PassAsync();
        var pool = host.Get<PdfWordsPool>();
        var pid = pool.ProcessIds.Single();
        double self0 = Self(), work0 = WorkerMs(pid);
        var wall = System.Diagnostics.Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++) await PassAsync();
        int n = rounds * files.Length;
        double self = (Self() - self0) / n, work = (WorkerMs(pid) - work0) / n;
        if (pool.Started != 1) throw new InvalidOperationException("the worker was restarted during the run");
        return string.Create(CultureInfo.InvariantCulture, $"pdfcpu: {n} documents, service {self:F3} ms, worker {work:F3} ms, total {self + work:F3} ms CPU per document, wall {wall.Elapsed.TotalMilliseconds / n:F2} ms\n");
    }

    static double Self() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    // utime + stime in clock ticks of 10 ms (fields 14 and 15 of /proc/PID/stat).
    static double WorkerMs(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
