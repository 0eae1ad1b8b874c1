using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// What both PDF text steps (the warm `pdfwords` worker and a `pdftotext` process) do with poppler's word boxes:
/// reading order, hyphenation, page split, links under their words, and OCR of pages with a thin text layer.
/// </summary>
static class PdfLayoutOutput
{
    /// <summary>The page count check both steps make on poppler's pages (they ask for one page past the cap).</summary>
    public static void CheckPageCount(List<PdfPage> boxes, ExtractionOptions o)
    {
        if (boxes.Count > o.MaxPages)
            throw new DocumentException(ErrorCodes.TooManyPages, $"The PDF has more than {o.MaxPages} pages (MAX_PAGES). Send only the resume pages, or raise the limit.");
    }

    /// <param name="pdfFile">The PDF on disk for OCR; called only when a page needs OCR (the worker reads from memory).</param>
    public static async Task<ExtractorOutput> BuildAsync(List<PdfPage> boxes, Task<List<PdfLinkAnnotation>> annotations,
        Func<Task<(string Pdf, string Dir)>> pdfFile, ToolRegistry tools, OcrEngine ocr, ExtractionOptions o, CancellationToken ct)
    {
        var ordered = PdfReadingOrder.Write(boxes);
        var pages = PdfText.SplitPages(Hyphenation.JoinLineEnds(PdfText.Normalize(ordered.Text)), boxes.Count);
        var links = await LinksAsync(annotations, boxes, TimeSpan.FromSeconds(o.PdfTimeoutSeconds), ct);

        var thin = Enumerable.Range(1, pages.Length).Where(p => TextQuality.MeaningfulChars(pages[p - 1]) < o.MinTextLengthForOcr).ToList();
        int ocrPages = 0;
        bool ocrRan = thin.Count > 0 && tools.IsUsable("tesseract") && tools.IsUsable("pdftoppm");
        if (ocrRan)
        {
            var (pdf, dir) = await pdfFile();
            var ocrText = await ocr.OcrPdfPagesAsync(pdf, thin.Take(o.MaxOcrPages).ToList(), dir, ct);
            foreach (var (page, text) in ocrText)
            {
                if (TextQuality.MeaningfulChars(text) > TextQuality.MeaningfulChars(pages[page - 1])) { pages[page - 1] = text; ocrPages++; }
            }
        }
        return new ExtractorOutput(string.Join("\f", pages))
        {
            Pages = boxes.Count, OcrUsed = ocrPages > 0, OcrPages = ocrPages, OcrCoveredAllPages = ocrRan && thin.Count == pages.Length,
            Links = links, Layout = ordered.Layout,
        };
    }

    static async Task<IReadOnlyList<ExtractedLink>> LinksAsync(Task<List<PdfLinkAnnotation>> annotations, List<PdfPage> boxes, TimeSpan limit, CancellationToken ct)
    {
        List<PdfLinkAnnotation> found;
        // The link scan gets as long as pdftotext itself (PDF_TIMEOUT_SECONDS). It once had 2 s after the text was
        // done, and on a loaded machine the same PDF lost its GitHub and LinkedIn targets: the answer depended on load.
        try { found = await annotations.WaitAsync(limit, ct); }
        catch (TimeoutException) { return []; }
        return LinkTargets.Distinct(found.Where(a => a.Page <= boxes.Count)
            .Select(a => LinkTargets.Create(a.Target, PdfReadingOrder.TextUnder(boxes[a.Page - 1], a.Rect), a.Page)));
    }
}
