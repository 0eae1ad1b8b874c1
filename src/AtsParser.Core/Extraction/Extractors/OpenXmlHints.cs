using System.Xml;
using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// What a DOCX says about itself besides its text: which paragraph styles are Title or Subtitle (styles.xml, through
/// w:name and w:basedOn, so a localized id or a custom style based on Title counts) and its core properties
/// (docProps/core.xml: dc:title, dc:creator, cp:lastModifiedBy).
/// </summary>
static class OpenXmlHints
{
    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string Dc = "http://purl.org/dc/elements/1.1/";
    const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

    /// <summary>Paragraph style id → hint kind, for the styles that resolve to Title or Subtitle.</summary>
    public static Dictionary<string, string> StyleKinds(SafeZip zip)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        // Without styles.xml Word still knows its built-in ids.
        if (!zip.Has("word/styles.xml"))
        {
            kinds["Title"] = DocumentHints.TitleStyle;
            kinds["Subtitle"] = DocumentHints.SubtitleStyle;
            return kinds;
        }
        var styles = new Dictionary<string, (string? Name, string? BasedOn)>(StringComparer.Ordinal);
        Optional(() =>
        {
            using var r = zip.OpenXml("word/styles.xml");
            string? id = null;
            while (!r.EOF)
            {
                if (r.NodeType == XmlNodeType.Element && r.NamespaceURI == W)
                {
                    switch (r.LocalName)
                    {
                        // Hundreds of latent style entries and every style's formatting: nothing in them names a style.
                        case "latentStyles" or "docDefaults" or "pPr" or "rPr" or "tblPr" or "trPr" or "tcPr" or "tblStylePr":
                            r.Skip();
                            continue;
                        case "style":
                            id = r.GetAttribute("type", W) is "paragraph" or null ? r.GetAttribute("styleId", W) : null;
                            if (id is not null && styles.Count < 2000) styles[id] = (null, null);
                            else id = null;
                            break;
                        case "name" when id is not null: styles[id] = (r.GetAttribute("val", W), styles[id].BasedOn); break;
                        case "basedOn" when id is not null: styles[id] = (styles[id].Name, r.GetAttribute("val", W)); break;
                    }
                }
                r.Read();
            }
        });
        foreach (var id in styles.Keys)
        {
            var at = id;
            for (int hop = 0; hop < 8 && at is not null && styles.TryGetValue(at, out var s); hop++)
            {
                if (DocumentHints.StyleKind(s.Name) is { } kind) { kinds[id] = kind; break; }
                at = s.BasedOn;
            }
        }
        return kinds;
    }

    public static void CoreProperties(SafeZip zip, List<DocumentHint> hints)
    {
        if (!zip.Has("docProps/core.xml")) return;
        Optional(() =>
        {
            using var r = zip.OpenXml("docProps/core.xml");
            while (!r.EOF)
            {
                var kind = r.NodeType != XmlNodeType.Element ? null : (r.NamespaceURI, r.LocalName) switch
                {
                    (Dc, "title") => DocumentHints.TitleProperty,
                    (Dc, "creator") => DocumentHints.AuthorProperty,
                    (Cp, "lastModifiedBy") => DocumentHints.EditorProperty,
                    _ => null,
                };
                if (kind is null) { r.Read(); continue; }
                // Reading the content moves to the next node, which may be the next property.
                DocumentHints.Add(hints, kind, r.ReadElementContentAsString());
            }
        });
    }

    /// <summary>A damaged styles or properties part costs the hints, not the text; a DTD still stops the chain.</summary>
    public static void Optional(Action read)
    {
        try { SafeZip.Guard(() => { read(); return 0; }); }
        catch (DocumentException e) when (e.Code == ErrorCodes.CorruptDocument && !e.StopsChain) { }
    }
}
