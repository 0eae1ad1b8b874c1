using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Tesseract as a subprocess (the Tesseract NuGet package is not on our feed): one thread per process
/// (OMP_THREAD_LIMIT=1), pages in parallel up to the OCR cap, pdftoppm -gray (PGM) for PDF pages.
/// </summary>
public sealed class OcrEngine(ToolRegistry tools, IOptions<ExtractionOptions> options)
{
    public async Task<string> OcrImageAsync(string imagePath, CancellationToken ct)
    {
        var o = options.Value;
        using var slot = await tools.AcquireAsync("tesseract", ct);
        var r = await ProcessRunner.RunAsync(ToolCommands.Tesseract(tools.PathOf("tesseract"), imagePath, o), ct);
        if (r.ExitCode != 0) throw new ToolFailedException("tesseract", "tesseract failed: " + Tail(r.Stderr), r.ExitCode);
        return Hyphenation.JoinLineEnds(OcrCleanup.Clean(OcrTsv.ToText(r.StdoutText)));
    }

    /// <summary>OCRs the given 1-based pages of a PDF, in parallel; returns text per requested page.</summary>
    public async Task<Dictionary<int, string>> OcrPdfPagesAsync(string pdfPath, IReadOnlyList<int> pages, string workDir, CancellationToken ct)
    {
        var o = options.Value;
        var results = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = o.OcrConcurrency, CancellationToken = ct }, async (page, token) =>
        {
            var prefix = Path.Combine(workDir, $"page-{page}");
            using (await tools.AcquireAsync("pdftoppm", token))
            {
                var r = await ProcessRunner.RunAsync(ToolCommands.PdfToPpm(tools.PathOf("pdftoppm"), pdfPath, page, prefix, o), token);
                if (r.ExitCode != 0) throw new ToolFailedException("pdftoppm", "pdftoppm failed: " + Tail(r.Stderr), r.ExitCode);
            }
            var image = prefix + ".pgm";
            if (!File.Exists(image)) throw new ToolFailedException("pdftoppm", "pdftoppm wrote no page image");
            try { results[page] = await OcrImageAsync(image, token); }
            finally { File.Delete(image); }
        });
        return new Dictionary<int, string>(results);
    }

    internal static string Tail(string s) => s.Length > 300 ? s[^300..].Trim() : s.Trim();
}
