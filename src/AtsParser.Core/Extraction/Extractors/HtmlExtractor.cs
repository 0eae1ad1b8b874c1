using System.Text;
using AtsParser.Core.Documents;
using HtmlAgilityPack;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// In-process HTML to text, table rows one line each, href targets as links with their text. HtmlAgilityPack
/// never fetches or executes anything.
/// </summary>
public sealed class HtmlExtractor : IExtractor
{
    static readonly HashSet<string> Skip = ["script", "style", "noscript", "template", "head", "svg", "iframe", "object"];
    static readonly HashSet<string> Block =
        ["p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "table", "dt", "dd", "blockquote", "pre", "hr", "address"];

    public string Name => "html";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var decoded = TextDecoder.TryDecode(input.Bytes) ?? throw new ToolFailedException("html", "The HTML is not readable text.");
        var doc = new HtmlDocument { OptionMaxNestedChildNodes = 500 };
        doc.LoadHtml(decoded.Text);
        var sb = new StringBuilder();
        var links = new List<ExtractedLink>();
        Walk(doc.DocumentNode, sb, links, ct);
        var (text, cellChars) = TableRows.Format(sb.ToString());
        return Task.FromResult(new ExtractorOutput(text)
        {
            Links = LinkTargets.Distinct(links),
            Layout = cellChars > TextQuality.MeaningfulChars(text) / 2 ? new ExtractionLayout(ExtractionLayout.Table, 1) : ExtractionLayout.Single,
        });
    }

    static void Walk(HtmlNode root, StringBuilder sb, List<ExtractedLink> links, CancellationToken ct)
    {
        // Iterative, so deeply nested markup cannot overflow the stack.
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (node, exit) = stack.Pop();
            var name = node.Name.ToLowerInvariant();
            if (exit)
            {
                if (name is "td" or "th") sb.Append(TableRows.CellEnd);
                else if (name == "tr") sb.Append(TableRows.RowEnd);
                else if (Block.Contains(name)) sb.Append('\n');
                continue;
            }
            if (node.NodeType == HtmlNodeType.Comment || Skip.Contains(name)) continue;
            if (node.NodeType == HtmlNodeType.Text) { sb.Append(HtmlEntity.DeEntitize(node.InnerText)); continue; }
            if (name == "a" && HtmlEntity.DeEntitize(node.GetAttributeValue("href", "")) is var href && LinkTargets.IsUseful(href) && links.Count < LinkTargets.MaxLinks)
                links.Add(LinkTargets.Create(href, HtmlEntity.DeEntitize(node.InnerText)));
            if (name == "tr") sb.Append(TableRows.RowStart);
            if (name == "br") { sb.Append('\n'); continue; }
            stack.Push((node, true));
            for (int i = node.ChildNodes.Count - 1; i >= 0; i--) stack.Push((node.ChildNodes[i], false));
        }
    }
}
