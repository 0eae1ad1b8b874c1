using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>Whole-document OCR of a PDF: used when the text layer is missing, unreadable or garbage.</summary>
public sealed class PdfOcrExtractor(PdfInfo pdfInfo, OcrEngine ocr, IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "ocr";
    public IReadOnlyList<string> Tools { get; } = ["pdfinfo", "pdftoppm", "tesseract"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        PdfStreams.CheckInflatedSize(input.Bytes, options.Value.MaxPdfInflatedBytes, ct);
        using var tmp = new TempDir(options.Value.TempDirectory, "pdfocr");
        var pdf = await tmp.WriteFileAsync("input.pdf", PdfStreams.WithoutTrailingJunk(input.Bytes), ct);
        return await OcrPdfFileAsync(pdf, tmp.Path, ct);
    }

    public async Task<ExtractorOutput> OcrPdfFileAsync(string pdf, string workDir, CancellationToken ct)
    {
        var o = options.Value;
        var info = await pdfInfo.ReadAsync(pdf, TimeSpan.FromSeconds(o.PdfTimeoutSeconds), ct);
        if (info.Pages > o.MaxPages) throw new DocumentException(ErrorCodes.TooManyPages, $"The document has {info.Pages} pages; the limit is {o.MaxPages} (MAX_PAGES).");
        var pages = Enumerable.Range(1, Math.Min(info.Pages, o.MaxOcrPages)).ToList();
        var text = await ocr.OcrPdfPagesAsync(pdf, pages, workDir, ct);
        return new ExtractorOutput(string.Join("\f", pages.Select(p => text.GetValueOrDefault(p, ""))))
        {
            Pages = info.Pages, OcrUsed = true, OcrPages = pages.Count, OcrCoveredAllPages = true,
        };
    }
}
