using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// In-process DOCX text: walks runs, tabs, breaks, table cells, text boxes, headers and footers. (InnerText
/// drops tabs and breaks and glues words together on real resumes.) Hyperlink targets are returned as links.
/// </summary>
public sealed class OpenXmlExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public string Name => "openxml";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        using var zip = new SafeZip(input.Bytes, o.MaxZipUncompressedBytes, o.MaxZipCompressionRatio);
        // Not needed for text, but a DTD in it marks a crafted file that LibreOffice must not be given next.
        if (zip.Has("[Content_Types].xml")) SafeZip.Guard(() => { using var types = zip.OpenXml("[Content_Types].xml"); while (types.Read()) { } return 0; });
        var sb = new StringBuilder();
        // Headers first: some templates print the name only in the page header.
        foreach (var part in zip.Names.Where(n => n.StartsWith("word/header", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)).Order())
            SafeZip.Guard(() => { Walk(zip.OpenXml(part), sb, o.MaxExtractedChars, ct); return 0; });
        SafeZip.Guard(() => { Walk(zip.OpenXml("word/document.xml"), sb, o.MaxExtractedChars, ct); return 0; });
        foreach (var part in zip.Names.Where(n => n.StartsWith("word/footer", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)).Order())
            SafeZip.Guard(() => { Walk(zip.OpenXml(part), sb, o.MaxExtractedChars, ct); return 0; });
        var links = zip.Has("word/_rels/document.xml.rels") ? SafeZip.Guard(() => Hyperlinks(zip.OpenXml("word/_rels/document.xml.rels"))) : [];
        return Task.FromResult(new ExtractorOutput(sb.ToString()) { Links = links });
    }

    static void Walk(XmlReader r, StringBuilder sb, int maxChars, CancellationToken ct)
    {
        using (r)
        {
            r.MoveToContent();
            while (!r.EOF)
            {
                ct.ThrowIfCancellationRequested();
                if (sb.Length > maxChars) return;
                if (r.NodeType == XmlNodeType.Element)
                {
                    if (r.NamespaceURI == Mc && r.LocalName == "Fallback") { r.Skip(); continue; }
                    if (r.NamespaceURI == W)
                    {
                        switch (r.LocalName)
                        {
                            case "pPr" or "rPr" or "sectPr" or "instrText" or "delText" or "tblPr" or "trPr" or "tcPr":
                                r.Skip(); continue;
                            case "t":
                                sb.Append(r.ReadElementContentAsString()); continue;
                            case "tab": sb.Append('\t'); break;
                            case "br" or "cr": sb.Append('\n'); break;
                            case "noBreakHyphen": sb.Append('-'); break;
                        }
                    }
                }
                else if (r.NodeType == XmlNodeType.EndElement && r.NamespaceURI == W)
                {
                    switch (r.LocalName)
                    {
                        case "p": sb.Append('\n'); break;
                        case "tc": sb.Append('\t'); break;
                        case "tr": sb.Append('\n'); break;
                    }
                }
                r.Read();
            }
        }
    }

    static List<string> Hyperlinks(XmlReader r)
    {
        var links = new List<string>();
        using (r)
        {
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship") continue;
                var type = r.GetAttribute("Type") ?? "";
                var target = r.GetAttribute("Target");
                if (type.EndsWith("/hyperlink", StringComparison.Ordinal) && target is not null && links.Count < 100 &&
                    Uri.TryCreate(target, UriKind.Absolute, out var u) && (u.Scheme is "http" or "https" or "mailto"))
                    links.Add(target);
            }
        }
        return links.Distinct().ToList();
    }
}
