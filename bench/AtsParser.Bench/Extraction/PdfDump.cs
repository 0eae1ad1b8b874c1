using System.Text;
using AtsParser.Core.Extraction;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction --only pdfdump --list FILE --out FILE`: every PDF named in the list (one path a line) through the
/// chain with the worker and without it, written out whole (extractor, pages, layout, links, text, or the error code),
/// so two builds can be compared byte for byte with cmp. The output holds resume text: keep it in a private temp dir.
/// </summary>
public static class PdfDump
{
    public static async Task<string> RunAsync(string list, string output, CancellationToken ct)
    {
        var files = File.ReadAllLines(list).Where(l => l.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToArray();
        var settings = new Dictionary<string, string?> { ["Extraction:PdfTimeoutSeconds"] = "60", ["Extraction:DocumentBudgetSeconds"] = "120" };
        await using var on = new BenchHost(0, new Dictionary<string, string?>(settings) { ["Extraction:EnablePdfWorker"] = "true" });
        await using var off = new BenchHost(0, new Dictionary<string, string?>(settings) { ["Extraction:EnablePdfWorker"] = "false" });
        using var w = new StreamWriter(output, false, new UTF8Encoding(false));
        int worker = 0;
        foreach (var f in files)
        {
            foreach (var (name, host) in new[] { ("worker", on), ("pdftotext", off) })
            {
                await w.WriteAsync($"=== {f} [{name}]\n");
                try
                {
                    var bytes = await File.ReadAllBytesAsync(f, ct);
                    var r = await host.Get<ChainRunner>().RunAsync(new ExtractionInput(bytes, AtsParser.Core.Documents.FormatSniffer.Sniff(bytes, Path.GetFileName(f))), ct);
                    if (name == "worker" && r.ExtractedBy == "pdfwords") worker++;
                    await w.WriteAsync($"by {r.ExtractedBy} pages {r.Pages} chars {r.Chars} ocr {r.OcrUsed}/{r.OcrPages} layout {r.Layout}\n");
                    foreach (var l in r.Links) await w.WriteAsync($"link {l}\n");
                    await w.WriteAsync(r.FullText);
                    await w.WriteAsync("\n");
                }
                catch (ExtractionFailedException e) { await w.WriteAsync($"failed {e.Code}\n"); }
                catch (AtsParser.Core.Documents.CodedException e) { await w.WriteAsync($"error {e.Code}\n"); }
            }
        }
        return $"pdfdump: {files.Length} PDFs written to {output}, {worker} of them read by the pdfwords worker.\n";
    }
}
