using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>In-process ODT text from content.xml (pandoc's ODT reader drops leading frames on real files).</summary>
public sealed class OdtExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    public string Name => "odfxml";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        using var zip = new SafeZip(input.Bytes, o.MaxZipUncompressedBytes, o.MaxZipCompressionRatio);
        var sb = new StringBuilder();
        SafeZip.Guard(() => { Walk(zip.OpenXml("content.xml"), sb, o.MaxExtractedChars, ct); return 0; });
        return Task.FromResult(new ExtractorOutput(sb.ToString()));
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
                if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == Office && r.LocalName is "annotation" or "font-face-decls" or "automatic-styles")
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
                    case XmlNodeType.EndElement when r.NamespaceURI == Text && r.LocalName is "p" or "h": sb.Append('\n'); break;
                    case XmlNodeType.EndElement when r.NamespaceURI == Table && r.LocalName == "table-cell": sb.Append('\t'); break;
                    case XmlNodeType.EndElement when r.NamespaceURI == Table && r.LocalName == "table-row": sb.Append('\n'); break;
                }
                r.Read();
            }
        }
    }
}
