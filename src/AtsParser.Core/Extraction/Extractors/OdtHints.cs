using System.Xml;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// What an ODT says about itself besides its text: paragraph styles that are Title or Subtitle (by name, display name
/// or parent style: an automatic style "P1" whose parent is "Title") and meta.xml's title, initial creator and creator.
/// </summary>
sealed class OdtHints
{
    const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    const string Dc = "http://purl.org/dc/elements/1.1/";
    const string Meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

    readonly Dictionary<string, (string? Kind, string? Parent)> _styles = new(StringComparer.Ordinal);

    public List<DocumentHint> Hints { get; } = [];

    /// <summary>On a style:style element (styles.xml or content.xml's automatic styles): remembers its kind and parent.</summary>
    public void Style(XmlReader r)
    {
        if (r.GetAttribute("family", StyleNs) != "paragraph" || r.GetAttribute("name", StyleNs) is not { } name || _styles.Count >= 2000) return;
        var kind = DocumentHints.StyleKind(r.GetAttribute("display-name", StyleNs)) ?? DocumentHints.StyleKind(name);
        _styles[name] = (kind, r.GetAttribute("parent-style-name", StyleNs));
    }

    public string? KindOf(string? style)
    {
        for (int hop = 0; hop < 8 && style is not null && _styles.TryGetValue(style, out var s); hop++)
        {
            if (s.Kind is not null) return s.Kind;
            style = s.Parent;
        }
        // A style used but never declared keeps its built-in name.
        return style is not null && !_styles.ContainsKey(style) ? DocumentHints.StyleKind(style) : null;
    }

    public void Properties(SafeZip zip)
    {
        if (!zip.Has("meta.xml")) return;
        OpenXmlHints.Optional(() =>
        {
            using var r = zip.OpenXml("meta.xml");
            while (!r.EOF)
            {
                var kind = r.NodeType != XmlNodeType.Element ? null : (r.NamespaceURI, r.LocalName) switch
                {
                    (Dc, "title") => DocumentHints.TitleProperty,
                    (Meta, "initial-creator") => DocumentHints.AuthorProperty,
                    (Dc, "creator") => DocumentHints.EditorProperty,
                    _ => null,
                };
                if (kind is null) { r.Read(); continue; }
                DocumentHints.Add(Hints, kind, r.ReadElementContentAsString());
            }
        });
    }
}
