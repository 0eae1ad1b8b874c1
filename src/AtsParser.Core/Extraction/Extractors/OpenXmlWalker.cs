using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// One WordprocessingML part to text, with its hyperlinks, table rows marked for <see cref="TableRows"/> and the text
/// of paragraphs in a Title or Subtitle style (when given the style ids that are).
/// </summary>
static partial class OpenXmlWalker
{
    /// <summary>
    /// The first paragraphs that name a style, with their text: styles.xml is only read (to tell which ids are Title or
    /// Subtitle) when there are any, and a name in the Title style stands near the top.
    /// </summary>
    public sealed class StyledParagraphs
    {
        const int Max = 64;
        public List<(string StyleId, string Text)> Found { get; } = [];
        public bool Full => Found.Count >= Max;
        public void Add(string styleId, string text)
        {
            text = text.Trim();
            if (!Full && text.Length is > 0 and <= 200) Found.Add((styleId, text));
        }
    }

    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    [GeneratedRegex("HYPERLINK\\s+\"([^\"]+)\"|HYPERLINK\\s+(\\S+)")]
    private static partial Regex HyperlinkField();

    public static void Walk(XmlReader r, StringBuilder sb, Dictionary<string, string> rels, List<ExtractedLink> links, int maxChars, CancellationToken ct, StyledParagraphs? styled = null)
    {
        // Open paragraphs (a text box nests one inside another): where each one's text starts and its style id.
        var paragraphs = new Stack<(int Start, string? StyleId)>();
        // An open link: its target and where its visible text starts. Fields nest (begin, instruction, separate,
        // result, end), so they keep a stack; w:hyperlink elements do not nest.
        (string? Target, int Start) hyperlink = (null, -1);
        var fields = new Stack<Field>();
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
                            case "p" when styled is not null && !styled.Full && !r.IsEmptyElement:
                                paragraphs.Push((sb.Length, null));
                                break;
                            case "pPr" when styled is not null && paragraphs.Count > 0 && !r.IsEmptyElement:
                                // w:tabs inside holds w:tab stops, not tabs: only the style id is read, the rest passed over.
                                if (StyleIdOf(r) is { } styleId) paragraphs.Push(paragraphs.Pop() with { StyleId = styleId });
                                r.Read(); continue;
                            case "pPr" or "rPr" or "sectPr" or "delText" or "tblPr" or "trPr" or "tcPr" or "sdtPr" or "tblGrid":
                                r.Skip(); continue;
                            case "footnote" or "endnote" when r.GetAttribute("type", W) is "separator" or "continuationSeparator" or "continuationNotice":
                                r.Skip(); continue;
                            case "t":
                                sb.Append(r.ReadElementContentAsString()); continue;
                            case "instrText":
                                var instr = r.ReadElementContentAsString();
                                if (fields.Count > 0) fields.Peek().Instruction.Append(instr);
                                continue;
                            case "fldChar":
                                switch (r.GetAttribute("fldCharType", W))
                                {
                                    case "begin": fields.Push(new Field()); break;
                                    case "separate" when fields.Count > 0: fields.Peek().Start = sb.Length; break;
                                    case "end" when fields.Count > 0: var done = fields.Pop(); Close((done.Target, done.Start), sb, links); break;
                                }
                                break;
                            case "fldSimple":
                                if (r.IsEmptyElement) break;
                                var simple = new Field { Start = sb.Length };
                                simple.Instruction.Append(r.GetAttribute("instr", W));
                                fields.Push(simple);
                                break;
                            case "hyperlink":
                                var id = r.GetAttribute("id", R);
                                var target = id is not null && rels.TryGetValue(id, out var t) ? t : null;
                                if (!r.IsEmptyElement) hyperlink = (target, sb.Length);
                                break;
                            case "tab" or "ptab": sb.Append('\t'); break;
                            case "br" or "cr": sb.Append('\n'); break;
                            case "noBreakHyphen": sb.Append('-'); break;
                            case "tr": sb.Append(TableRows.RowStart); break;
                        }
                    }
                }
                else if (r.NodeType == XmlNodeType.EndElement && r.NamespaceURI == W)
                {
                    switch (r.LocalName)
                    {
                        case "p":
                            if (styled is not null && paragraphs.Count > 0 && paragraphs.Pop() is (var start, { } id) && start <= sb.Length)
                                styled.Add(id, Plain(sb.ToString(start, sb.Length - start)));
                            sb.Append('\n');
                            break;
                        case "tc": sb.Append(TableRows.CellEnd); break;
                        case "tr": sb.Append(TableRows.RowEnd); break;
                        case "hyperlink": Close(hyperlink, sb, links); hyperlink = (null, -1); break;
                        case "fldSimple" when fields.Count > 0: var done = fields.Pop(); Close((done.Target, done.Start), sb, links); break;
                    }
                }
                r.Read();
            }
        }
    }

    // On a w:pPr start element: its w:pStyle value, leaving the reader on the w:pPr end element.
    static string? StyleIdOf(XmlReader r)
    {
        int depth = r.Depth;
        string? id = null;
        while (r.Read() && r.Depth > depth)
            if (r.NodeType == XmlNodeType.Element && r.Depth == depth + 1 && r.NamespaceURI == W && r.LocalName == "pStyle") id = r.GetAttribute("val", W);
        return id;
    }

    static string Plain(string text) => text.Replace(TableRows.RowStart, ' ').Replace(TableRows.CellEnd, ' ').Replace(TableRows.RowEnd, ' ').Replace('\t', ' ');

    sealed class Field
    {
        public StringBuilder Instruction { get; } = new();
        public int Start { get; set; } = -1;
        public string? Target => HyperlinkField().Match(Instruction.ToString()) is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Trim() : null;
    }

    static void Close((string? Target, int Start) link, StringBuilder sb, List<ExtractedLink> links)
    {
        if (link.Target is null || !LinkTargets.IsUseful(link.Target)) return;
        var text = link.Start >= 0 && link.Start <= sb.Length ? sb.ToString(link.Start, sb.Length - link.Start) : null;
        if (text is not null) text = text.Replace(TableRows.RowStart, ' ').Replace(TableRows.CellEnd, ' ').Replace(TableRows.RowEnd, ' ');
        links.Add(LinkTargets.Create(link.Target, text));
    }
}
