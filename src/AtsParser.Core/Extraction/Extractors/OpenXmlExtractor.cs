using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// In-process DOCX text: walks runs, tabs, breaks, tables (one line per row), text boxes, content controls,
/// headers, footers, footnotes and endnotes (InnerText drops tabs and breaks and glues words together on real
/// resumes). Hyperlinks (w:hyperlink and HYPERLINK fields) come back as links with the text shown on them;
/// Title/Subtitle-styled paragraphs and the core properties (title, author, last editor) as hints for the name.
/// </summary>
public sealed class OpenXmlExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "openxml";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        using var zip = new SafeZip(input.Bytes, o.MaxZipUncompressedBytes, o.MaxZipCompressionRatio);
        // Not needed for text, but a DTD in it marks a crafted file that LibreOffice must not be given next.
        if (zip.Has("[Content_Types].xml")) SafeZip.Guard(() => { using var types = zip.OpenXml("[Content_Types].xml"); while (types.Read()) { } return 0; });
        var sb = new StringBuilder();
        var links = new List<ExtractedLink>();
        var seenHeaders = new HashSet<string>(StringComparer.Ordinal);
        var hints = new List<DocumentHint>();
        var styled = new OpenXmlWalker.StyledParagraphs();
        // Headers first (some templates print the name only in the page header); the first-page, even and default
        // headers often repeat one another, so each distinct one is kept once.
        foreach (var part in Parts(zip, "word/header"))
            ReadPart(zip, part, sb, links, o.MaxExtractedChars, ct, seenHeaders, styled);
        ReadPart(zip, "word/document.xml", sb, links, o.MaxExtractedChars, ct, null, styled);
        foreach (var part in Parts(zip, "word/footnotes").Concat(Parts(zip, "word/endnotes")).Concat(Parts(zip, "word/footer")))
            ReadPart(zip, part, sb, links, o.MaxExtractedChars, ct, seenHeaders, null);
        if (styled.Found.Count > 0)
        {
            var kinds = OpenXmlHints.StyleKinds(zip);
            foreach (var (id, paragraph) in styled.Found)
                if (kinds.TryGetValue(id, out var kind)) DocumentHints.Add(hints, kind, paragraph);
        }
        OpenXmlHints.CoreProperties(zip, hints);
        var (text, cellChars) = TableRows.Format(sb.ToString());
        return Task.FromResult(new ExtractorOutput(text)
        {
            Links = LinkTargets.Distinct(links),
            Hints = hints,
            Layout = cellChars > TextQuality.MeaningfulChars(text) / 2 ? new ExtractionLayout(ExtractionLayout.Table, 1) : ExtractionLayout.Single,
        });
    }

    static IEnumerable<string> Parts(SafeZip zip, string prefix) =>
        zip.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal) && !n.Contains("/_rels/")).Order(StringComparer.Ordinal);

    static void ReadPart(SafeZip zip, string part, StringBuilder sb, List<ExtractedLink> links, int maxChars, CancellationToken ct, HashSet<string>? seen, OpenXmlWalker.StyledParagraphs? styled)
    {
        var rels = Relationships(zip, part);
        var partText = new StringBuilder();
        var partLinks = new List<ExtractedLink>();
        SafeZip.Guard(() => { OpenXmlWalker.Walk(zip.OpenXml(part), partText, rels, partLinks, maxChars - sb.Length, ct, styled); return 0; });
        if (seen is not null && !seen.Add(partText.ToString().Trim())) return;
        sb.Append(partText);
        links.AddRange(partLinks);
        // A hyperlink relationship no run points at still names a target the author put in the document.
        foreach (var target in rels.Values)
            if (!links.Any(l => l.Target == target)) links.Add(LinkTargets.Create(target, null));
    }

    /// <summary>The part's hyperlink relationships (word/_rels/document.xml.rels for word/document.xml): id → target.</summary>
    static Dictionary<string, string> Relationships(SafeZip zip, string part)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        int slash = part.LastIndexOf('/');
        var relsPart = part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
        if (!zip.Has(relsPart)) return map;
        SafeZip.Guard(() =>
        {
            using var r = zip.OpenXml(relsPart);
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship" || map.Count >= LinkTargets.MaxLinks) continue;
                var type = r.GetAttribute("Type") ?? "";
                if (type.EndsWith("/hyperlink", StringComparison.Ordinal) && r.GetAttribute("Id") is { } id && r.GetAttribute("Target") is { } target && LinkTargets.IsUseful(target))
                    map[id] = target.Trim();
            }
            return 0;
        });
        return map;
    }
}
