using System.Text.RegularExpressions;
using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

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
        PdfStreams.CheckInflatedSize(input.Bytes, o.MaxPdfInflatedBytes, ct);
        using var tmp = new TempDir(o.TempDirectory, "pdf");
        var pdf = tmp.File("input.pdf");
        await File.WriteAllBytesAsync(pdf, PdfStreams.WithoutTrailingJunk(input.Bytes), ct);
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
        var pages = PdfText.SplitPages(PdfText.Normalize(r.StdoutText), info.Pages);
        var thin = Enumerable.Range(1, pages.Length).Where(p => TextQuality.MeaningfulChars(pages[p - 1]) < o.MinTextLengthForOcr).ToList();
        int ocrPages = 0;
        bool ocrRan = thin.Count > 0 && tools.IsUsable("tesseract") && tools.IsUsable("pdftoppm");
        if (ocrRan)
        {
            var toOcr = thin.Take(o.MaxOcrPages).ToList();
            var ocrText = await ocr.OcrPdfPagesAsync(pdf, toOcr, tmp.Path, ct);
            foreach (var (page, text) in ocrText)
            {
                if (TextQuality.MeaningfulChars(text) > TextQuality.MeaningfulChars(pages[page - 1])) { pages[page - 1] = text; ocrPages++; }
            }
        }
        return new ExtractorOutput(string.Join("\f", pages))
        {
            Pages = info.Pages, OcrUsed = ocrPages > 0, OcrPages = ocrPages, OcrCoveredAllPages = ocrRan && thin.Count == pages.Length,
        };
    }
}

public static partial class PdfText
{
    /// <summary>
    /// Undoes PDF producers' quirks: Quartz (Word for Mac) puts TAB CR space NBSP after every word and writes a
    /// hyphen as '-' U+00AD U+2010; LaTeX fonts map the drawn hyphen (and date dashes) to U+00AD. With -eol unix
    /// every real line end is LF, so a CR is junk inside a line, never a line break.
    /// </summary>
    public static string Normalize(string text)
    {
        text = HyphenCluster().Replace(text, "-");
        text = HorizontalSpace().Replace(text, " ");
        return TrailingSpace().Replace(text, "");
    }

    [GeneratedRegex("[-\u00AD\u2010\u2011]*[\u00AD\u2010\u2011][-\u00AD\u2010\u2011]*")]
    private static partial Regex HyphenCluster();

    // Runs of spaces, tabs, CRs and no-break spaces (at least one of them not a plain space) become one space.
    [GeneratedRegex("[ \t\r\u00A0\u2007\u202F]*[\t\r\u00A0\u2007\u202F][ \t\r\u00A0\u2007\u202F]*")]
    private static partial Regex HorizontalSpace();

    [GeneratedRegex("[ \t]+(?=\n|\f|$)")]
    private static partial Regex TrailingSpace();

    /// <summary>pdftotext separates pages with form feeds; pads or trims to the page count.</summary>
    public static string[] SplitPages(string text, int pageCount)
    {
        var parts = text.Split('\f');
        var pages = new string[Math.Max(pageCount, 1)];
        for (int i = 0; i < pages.Length; i++) pages[i] = i < parts.Length ? parts[i] : "";
        return pages;
    }
}
