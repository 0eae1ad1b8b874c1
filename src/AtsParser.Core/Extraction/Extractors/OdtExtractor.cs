using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// In-process ODT text from content.xml (pandoc's ODT reader drops leading frames on real files), with the page
/// header and footer of styles.xml first and last, tables one line per row, and text:a links with their text;
/// Title/Subtitle-styled paragraphs and meta.xml's title and creators as hints for the name.
/// </summary>
public sealed class OdtExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    const string Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    const string XLink = "http://www.w3.org/1999/xlink";

    public string Name => "odfxml";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        using var zip = new SafeZip(input.Bytes, o.MaxZipUncompressedBytes, o.MaxZipCompressionRatio);
        var header = new StringBuilder();
        var footer = new StringBuilder();
        var body = new StringBuilder();
        var links = new List<ExtractedLink>();
        var hints = new OdtHints();
        if (zip.Has("styles.xml"))
            SafeZip.Guard(() => { ReadMasterPages(zip.OpenXml("styles.xml"), header, footer, links, o.MaxExtractedChars, ct, hints); return 0; });
        SafeZip.Guard(() => { using var r = zip.OpenXml("content.xml"); r.MoveToContent(); Walk(r, body, links, o.MaxExtractedChars, ct, hints); return 0; });
        hints.Properties(zip);
        var (text, cellChars) = TableRows.Format(header.Append(body).Append(footer).ToString());
        return Task.FromResult(new ExtractorOutput(text)
        {
            Links = LinkTargets.Distinct(links),
            Hints = hints.Hints,
            Layout = cellChars > TextQuality.MeaningfulChars(text) / 2 ? new ExtractionLayout(ExtractionLayout.Table, 1) : ExtractionLayout.Single,
        });
    }

    // Headers and footers of the master pages, each distinct one once (pages repeat them; page numbers are skipped),
    // and the paragraph styles, which content.xml's paragraphs name.
    static void ReadMasterPages(XmlReader r, StringBuilder header, StringBuilder footer, List<ExtractedLink> links, int maxChars, CancellationToken ct, OdtHints hints)
    {
        using (r)
        {
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == Style && r.LocalName == "style") { hints.Style(r); continue; }
                if (r.NodeType != XmlNodeType.Element || r.NamespaceURI != Style || r.LocalName is not ("header" or "footer" or "header-first" or "footer-first")) continue;
                var into = r.LocalName.StartsWith("header", StringComparison.Ordinal) ? header : footer;
                var part = new StringBuilder();
                using (var sub = r.ReadSubtree()) { sub.MoveToContent(); Walk(sub, part, links, maxChars, ct, hints); }
                if (part.ToString().Trim() is { Length: > 0 } t && !into.ToString().Contains(t, StringComparison.Ordinal)) into.Append(part);
            }
        }
    }

    static void Walk(XmlReader r, StringBuilder sb, List<ExtractedLink> links, int maxChars, CancellationToken ct, OdtHints hints)
    {
        var open = new Stack<(string? Href, int Start)>();
        var paragraphs = new Stack<(int Start, string? Kind)>();
        while (!r.EOF)
        {
            ct.ThrowIfCancellationRequested();
            if (sb.Length > maxChars) return;
            if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == Office && r.LocalName == "automatic-styles" && !r.IsEmptyElement)
            {
                // Only each style's name and parent matter, not its formatting.
                using (var sub = r.ReadSubtree())
                    for (sub.Read(); !sub.EOF;)
                        if (sub.NodeType == XmlNodeType.Element && sub.NamespaceURI == Style && sub.LocalName == "style") { hints.Style(sub); sub.Skip(); }
                        else sub.Read();
                r.Read();
                continue;
            }
            if (r.NodeType == XmlNodeType.Element && ((r.NamespaceURI == Office && r.LocalName is "annotation" or "font-face-decls" or "automatic-styles")
                                                      || (r.NamespaceURI == Text && r.LocalName is "tracked-changes" or "page-number" or "page-count")))
            {
                r.Skip();
                continue;
            }
            switch (r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace:
                    sb.Append(r.Value); break;
                case XmlNodeType.Element when r.NamespaceURI == Text && r.LocalName == "tab": sb.Append('\t'); break;
                case XmlNodeType.Element when r.NamespaceURI == Text && r.LocalName == "line-break": sb.Append('\n'); break;
                case XmlNodeType.Element when r.NamespaceURI == Text && r.LocalName == "s":
                    sb.Append(' ', int.TryParse(r.GetAttribute("c", Text), out var c) ? Math.Clamp(c, 1, 100) : 1); break;
                case XmlNodeType.Element when r.NamespaceURI == Text && r.LocalName == "a" && !r.IsEmptyElement:
                    open.Push((r.GetAttribute("href", XLink), sb.Length)); break;
                case XmlNodeType.EndElement when r.NamespaceURI == Text && r.LocalName == "a" && open.Count > 0:
                    var (href, start) = open.Pop();
                    if (LinkTargets.IsUseful(href)) links.Add(LinkTargets.Create(href!, sb.ToString(start, sb.Length - start)));
                    break;
                case XmlNodeType.Element when r.NamespaceURI == Table && r.LocalName == "table-row": sb.Append(TableRows.RowStart); break;
                case XmlNodeType.Element when r.NamespaceURI == Text && r.LocalName is "p" or "h" && !r.IsEmptyElement:
                    paragraphs.Push((sb.Length, hints.KindOf(r.GetAttribute("style-name", Text)))); break;
                case XmlNodeType.EndElement when r.NamespaceURI == Text && r.LocalName is "p" or "h":
                    if (paragraphs.Count > 0 && paragraphs.Pop() is (var at, { } kind) && at <= sb.Length)
                        DocumentHints.Add(hints.Hints, kind, sb.ToString(at, sb.Length - at).Replace(TableRows.RowStart, ' ').Replace(TableRows.CellEnd, ' ').Replace(TableRows.RowEnd, ' '));
                    sb.Append('\n');
                    break;
                case XmlNodeType.EndElement when r.NamespaceURI == Table && r.LocalName == "table-cell": sb.Append(TableRows.CellEnd); break;
                case XmlNodeType.EndElement when r.NamespaceURI == Table && r.LocalName == "table-row": sb.Append(TableRows.RowEnd); break;
            }
            r.Read();
        }
    }
}
