using System.Globalization;
using System.Net;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

public readonly record struct Box(double XMin, double YMin, double XMax, double YMax)
{
    public double Width => XMax - XMin;
    public double Height => YMax - YMin;
    public Box Union(Box b) => new(Math.Min(XMin, b.XMin), Math.Min(YMin, b.YMin), Math.Max(XMax, b.XMax), Math.Max(YMax, b.YMax));
}

public sealed record PdfWord(Box Box, string Text);
public sealed record PdfLine(Box Box, List<PdfWord> Words);
public sealed record PdfBlock(Box Box, List<PdfLine> Lines);
public sealed record PdfFlow(List<PdfBlock> Blocks);
public sealed record PdfPage(double Width, double Height, List<PdfFlow> Flows);

/// <summary>
/// Reads `pdftotext -bbox-layout` output (XHTML: page / flow / block / line / word with boxes, in poppler's
/// reading order). The format is poppler's own and fixed, so a forward scan is enough; it keeps the word text
/// byte for byte (an XML reader would turn the CRs some producers put inside words into line breaks).
/// </summary>
public static class PdfWordBoxes
{
    public static List<PdfPage> Parse(string xhtml)
    {
        var pages = new List<PdfPage>();
        int i = xhtml.IndexOf("<doc>", StringComparison.Ordinal);
        if (i < 0) return pages;
        PdfPage? page = null;
        PdfFlow? flow = null;
        PdfBlock? block = null;
        PdfLine? line = null;
        while ((i = xhtml.IndexOf('<', i)) >= 0)
        {
            int end = xhtml.IndexOf('>', i);
            if (end < 0) break;
            var tag = xhtml.AsSpan(i + 1, end - i - 1);
            i = end + 1;
            if (tag.StartsWith("page ")) { page = new PdfPage(Attr(tag, "width"), Attr(tag, "height"), []); pages.Add(page); flow = null; }
            else if (tag.SequenceEqual("flow") && page is not null) { flow = new PdfFlow([]); page.Flows.Add(flow); }
            else if (tag.StartsWith("block ") && flow is not null) { block = new PdfBlock(BoxOf(tag), []); flow.Blocks.Add(block); }
            else if (tag.StartsWith("line ") && block is not null) { line = new PdfLine(BoxOf(tag), []); block.Lines.Add(line); }
            else if (tag.StartsWith("word ") && line is not null)
            {
                int close = xhtml.IndexOf("</word>", i, StringComparison.Ordinal);
                if (close < 0) break;
                var text = xhtml[i..close];
                if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
                line.Words.Add(new PdfWord(BoxOf(tag), text));
                i = close + 7;
            }
        }
        DropEmpty(pages);
        return pages;
    }

    // Lines without words cannot be placed; poppler never writes them, but a truncated output could.
    internal static void DropEmpty(List<PdfPage> pages)
    {
        foreach (var p in pages)
            foreach (var f in p.Flows)
            {
                foreach (var b in f.Blocks) b.Lines.RemoveAll(l => l.Words.Count == 0);
                f.Blocks.RemoveAll(b => b.Lines.Count == 0);
            }
    }

    /// <summary>
    /// The URI link annotations of a protocol-1 pdfwords worker's XHTML (&lt;link page= xMin=...&gt;uri&lt;/link&gt;, in
    /// the words' space), kept as <see cref="KeepLinks"/> keeps them.
    /// </summary>
    public static List<PdfLinkAnnotation> ParseLinks(string xhtml, int maxPages) => KeepLinks(LinksIn(xhtml), maxPages);

    /// <summary>Kept as <see cref="PdfLinkReader"/> keeps links: useful targets only, pages up to maxPages, at most MaxLinks.</summary>
    public static List<PdfLinkAnnotation> KeepLinks(IEnumerable<PdfLinkAnnotation> links, int maxPages) =>
        links.Where(l => l.Page >= 1 && l.Page <= maxPages && LinkTargets.IsUseful(l.Target)).Take(LinkTargets.MaxLinks).ToList();

    // Lazily: the scan stops once KeepLinks has enough, targets trimmed.
    static IEnumerable<PdfLinkAnnotation> LinksIn(string xhtml)
    {
        int i = 0;
        while ((i = xhtml.IndexOf("<link ", i, StringComparison.Ordinal)) >= 0)
        {
            int end = xhtml.IndexOf('>', i);
            int close = end < 0 ? -1 : xhtml.IndexOf("</link>", end, StringComparison.Ordinal);
            if (close < 0) yield break;
            var tag = xhtml.AsSpan(i + 1, end - i - 1);
            var link = new PdfLinkAnnotation((int)Attr(tag, "page"), WebUtility.HtmlDecode(xhtml[(end + 1)..close]).Trim(), BoxOf(tag));
            i = close + 7;
            yield return link;
        }
    }

    static Box BoxOf(ReadOnlySpan<char> tag) => new(Attr(tag, "xMin"), Attr(tag, "yMin"), Attr(tag, "xMax"), Attr(tag, "yMax"));

    static double Attr(ReadOnlySpan<char> tag, string name)
    {
        int k = tag.IndexOf(name + "=\"", StringComparison.Ordinal);
        if (k < 0) return 0;
        var rest = tag[(k + name.Length + 2)..];
        int q = rest.IndexOf('"');
        return q > 0 && double.TryParse(rest[..q], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    /// <summary>
    /// The text pdftotext prints in its default mode, rebuilt from the boxes: words joined with a space where
    /// poppler puts one (TextLine::coalesce), a blank line after each flow, a form feed after each page. Unlike
    /// pdftotext, a line ending in '-' keeps its hyphen and line break here: <see cref="Hyphenation"/> decides
    /// later whether the hyphen is typesetting (pdftotext drops it always, turning "2015-" / "2018" into 20152018).
    /// </summary>
    public static string PlainText(IEnumerable<PdfPage> pages)
    {
        var sb = new StringBuilder();
        foreach (var page in pages)
        {
            foreach (var flow in page.Flows)
            {
                AppendBlocks(sb, flow.Blocks);
                sb.Append('\n');
            }
            sb.Append('\f');
        }
        return sb.ToString();
    }

    /// <summary>Writes blocks as pdftotext writes one flow, a line each.</summary>
    public static void AppendBlocks(StringBuilder sb, IReadOnlyList<PdfBlock> blocks)
    {
        foreach (var block in blocks)
            foreach (var line in block.Lines)
            {
                AppendLine(sb, line);
                sb.Append('\n');
            }
    }

    public static void AppendLine(StringBuilder sb, PdfLine line)
    {
        var words = line.Words;
        double fontSize = Math.Max(Math.Min(line.Box.Width, line.Box.Height), 0.1);
        // poppler's threshold: 0.03 font sizes, or 1.3x the narrowest gap when every word is one character.
        double space = 0.03 * fontSize;
        if (words.Count > 1 && words.All(w => w.Text.Length == 1))
        {
            double min = double.MaxValue;
            for (int k = 1; k < words.Count; k++) min = Math.Min(min, Gap(words[k - 1].Box, words[k].Box));
            if (min > 0) space = Math.Min(1.3 * min, 0.4 * fontSize);
        }
        for (int k = 0; k < words.Count; k++)
        {
            if (k > 0 && Gap(words[k - 1].Box, words[k].Box) >= space) sb.Append(' ');
            sb.Append(words[k].Text);
        }
    }

    // The distance along the line's direction, whichever way the text runs (rotated text reads along y).
    static double Gap(Box a, Box b) => Math.Max(Math.Max(b.XMin - a.XMax, a.XMin - b.XMax), Math.Max(b.YMin - a.YMax, a.YMin - b.YMax));
}
