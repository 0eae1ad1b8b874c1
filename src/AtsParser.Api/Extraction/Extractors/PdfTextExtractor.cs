using AtsParser.Api.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Extraction.Extractors;

/// <summary>
/// pdftotext (default mode keeps columns together; -layout interleaves them), page by page. Pages whose text
/// layer is thinner than MIN_TEXT_LENGTH_FOR_OCR are OCRed and merged in, when OCR is enabled.
/// </summary>
public sealed class PdfTextExtractor(ToolRegistry tools, PdfInfo pdfInfo, OcrEngine ocr, IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "pdftotext";
    public IReadOnlyList<string> Tools { get; } = ["pdfinfo", "pdftotext"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        using var tmp = new TempDir("pdf");
        var pdf = tmp.File("input.pdf");
        await File.WriteAllBytesAsync(pdf, input.Bytes, ct);
        var info = await pdfInfo.ReadAsync(pdf, TimeSpan.FromSeconds(o.PdfTimeoutSeconds), ct);
        if (info.Pages > o.MaxPages) throw new DocumentException(ErrorCodes.TooManyPages, $"The PDF has {info.Pages} pages; the limit is {o.MaxPages} (MAX_PAGES). Send only the resume pages, or raise the limit.");

        ProcessResult r;
        using (await tools.AcquireAsync("pdftotext", ct))
        {
            r = await ProcessRunner.RunAsync(new ProcessSpec(tools.PathOf("pdftotext"), ["-enc", "UTF-8", "-eol", "unix", pdf, "-"])
            {
                Timeout = TimeSpan.FromSeconds(o.PdfTimeoutSeconds),
                MaxStdoutBytes = o.MaxExtractedChars * 4,
            }, ct);
        }
        if (r.ExitCode != 0)
        {
            if (r.ExitCode == 3) throw new DocumentException(ErrorCodes.EncryptedDocument);
            throw new DocumentException(ErrorCodes.CorruptDocument, "pdftotext could not read the PDF: " + OcrEngine.Tail(r.Stderr));
        }
        var pages = PdfText.SplitPages(r.StdoutText, info.Pages);
        var thin = Enumerable.Range(1, pages.Length).Where(p => TextQuality.MeaningfulChars(pages[p - 1]) < o.MinTextLengthForOcr).ToList();
        int ocrPages = 0;
        if (thin.Count > 0 && tools.IsUsable("tesseract") && tools.IsUsable("pdftoppm"))
        {
            var toOcr = thin.Take(o.MaxOcrPages).ToList();
            var ocrText = await ocr.OcrPdfPagesAsync(pdf, toOcr, tmp.Path, ct);
            foreach (var (page, text) in ocrText)
            {
                if (TextQuality.MeaningfulChars(text) > TextQuality.MeaningfulChars(pages[page - 1])) { pages[page - 1] = text; ocrPages++; }
            }
        }
        return new ExtractorOutput(string.Join("\f", pages)) { Pages = info.Pages, OcrUsed = ocrPages > 0, OcrPages = ocrPages };
    }
}

public static class PdfText
{
    /// <summary>pdftotext separates pages with form feeds; pads or trims to the page count.</summary>
    public static string[] SplitPages(string text, int pageCount)
    {
        var parts = text.Split('\f');
        var pages = new string[Math.Max(pageCount, 1)];
        for (int i = 0; i < pages.Length; i++) pages[i] = i < parts.Length ? parts[i] : "";
        return pages;
    }
}
