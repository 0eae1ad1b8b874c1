using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// The PDF chain's first step when PDF_ENABLE_WORKER is on: the same poppler word boxes as `pdftotext -bbox-layout`,
/// and the URI link annotations, from a warm worker (<see cref="PdfWordsPool"/>) instead of a process per PDF and a
/// PdfPig scan, then the same reading order, link texts and OCR of thin pages (<see cref="PdfLayoutOutput"/>). It judges nothing itself: a PDF poppler cannot open cleanly
/// (damaged, encrypted, no pages) or that stops the worker goes on to pdftotext, whose verdict and error code stand.
/// </summary>
public sealed class PdfWordsExtractor(PdfWordsPool pool, ToolRegistry tools, OcrEngine ocr, IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => PdfWordsPool.Tool;
    public IReadOnlyList<string> Tools { get; } = [PdfWordsPool.Tool];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        PdfStreams.CheckInflatedSize(input.Bytes, o.MaxPdfInflatedBytes, ct);
        var bytes = PdfStreams.WithoutTrailingJunk(input.Bytes);
        var reply = await pool.ReadAsync(bytes, o.MaxPages + 1, ct);
        if (reply.Status != PdfWordsPool.Reply.Ok)
            throw new ExtractorDeclinedException(reply.Status == PdfWordsPool.Reply.Encrypted ? "encrypted: pdftotext decides" : $"poppler could not open it ({reply.Text}): pdftotext decides");
        var boxes = reply.Content?.Pages ?? PdfWordBoxes.Parse(reply.Text);
        if (boxes.Count == 0) throw new ExtractorDeclinedException("no pages: pdftotext decides");
        PdfLayoutOutput.CheckPageCount(boxes, o);
        // The worker reads the link annotations with the words: no second reader (PdfPig's scan cost 0.4-15 ms a PDF).
        var annotations = Task.FromResult(reply.Content is { } c ? PdfWordBoxes.KeepLinks(c.Links, o.MaxPages) : PdfWordBoxes.ParseLinks(reply.Text, o.MaxPages));
        TempDir? tmp = null;
        try
        {
            return await PdfLayoutOutput.BuildAsync(boxes, annotations, async () =>
            {
                tmp = new TempDir(o.TempDirectory, "pdf");
                return (await tmp.WriteFileAsync("input.pdf", bytes, ct), tmp.Path);
            }, tools, ocr, o, ct);
        }
        finally
        {
            tmp?.Dispose();
        }
    }
}
