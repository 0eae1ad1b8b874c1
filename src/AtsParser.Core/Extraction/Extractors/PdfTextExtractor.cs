using System.Text.RegularExpressions;
using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// One pdftotext process per PDF: `-bbox-layout` gives the words with their boxes in poppler's reading order, and
/// the text is rebuilt from them (identical to pdftotext's default mode on single-column pages; column by column
/// on multi-column pages). The page count comes from the same output (capped with -l), encryption and damage from
/// the exit code and stderr; link annotations are read in-process while pdftotext runs. Pages whose text layer is
/// thinner than MIN_TEXT_LENGTH_FOR_OCR are OCRed and merged in, when OCR is enabled. Hyphenated line ends are
/// joined (<see cref="Hyphenation"/>); page furniture goes for every format in <see cref="TextQuality.Clean"/>.
/// </summary>
public sealed class PdfTextExtractor(ToolRegistry tools, OcrEngine ocr, IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "pdftotext";
    public IReadOnlyList<string> Tools { get; } = ["pdftotext"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        PdfStreams.CheckInflatedSize(input.Bytes, o.MaxPdfInflatedBytes, ct);
        using var tmp = new TempDir(o.TempDirectory, "pdf");
        var pdf = await tmp.WriteFileAsync("input.pdf", PdfStreams.WithoutTrailingJunk(input.Bytes), ct);
        var annotations = Task.Run(() => PdfLinkReader.Read(input.Bytes, o.MaxPages), ct);

        ProcessResult r;
        using (await tools.AcquireAsync("pdftotext", ct))
        {
            r = await ProcessRunner.RunAsync(ToolCommands.PdfToText(tools.PathOf("pdftotext"), pdf, o), ct);
            // The quiet run says nothing about why it failed: once more with messages, for the reason.
            if (r.ExitCode != 0) r = await ProcessRunner.RunAsync(ToolCommands.PdfToText(tools.PathOf("pdftotext"), pdf, o, quiet: false), ct);
        }
        if (r.ExitCode != 0)
        {
            if (r.ExitCode == 3 || r.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase)) throw new DocumentException(ErrorCodes.EncryptedDocument);
            throw new DocumentException(ErrorCodes.CorruptDocument, "The PDF could not be opened (damaged structure): " + OcrEngine.Tail(r.Stderr.Replace(pdf, "input.pdf")) +
                ". Re-export it from the original application and upload it again.");
        }
        var boxes = PdfWordBoxes.Parse(r.StdoutText);
        if (boxes.Count == 0)
            throw new DocumentException(ErrorCodes.CorruptDocument, "The PDF has no readable pages. Re-export it from the original application and upload it again.");
        PdfLayoutOutput.CheckPageCount(boxes, o);
        return await PdfLayoutOutput.BuildAsync(boxes, annotations, () => Task.FromResult((pdf, tmp.Path)), tools, ocr, o, ct);
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
        // Each of the first two patterns needs one of these characters: most texts have none, and the check is a
        // vectorised scan where the regex tries every position.
        if (text.AsSpan().ContainsAny(SoftHyphens)) text = HyphenCluster().Replace(text, "-");
        if (text.AsSpan().ContainsAny(OddSpaces)) text = HorizontalSpace().Replace(text, " ");
        return TrailingSpace().Replace(text, "");
    }

    static readonly System.Buffers.SearchValues<char> SoftHyphens = System.Buffers.SearchValues.Create("\u00AD\u2010\u2011");
    static readonly System.Buffers.SearchValues<char> OddSpaces = System.Buffers.SearchValues.Create("\t\r\u00A0\u2007\u202F");

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
