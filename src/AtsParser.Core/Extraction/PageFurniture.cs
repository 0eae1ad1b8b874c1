using System.Text.RegularExpressions;

namespace AtsParser.Core.Extraction;

/// <summary>
/// Page furniture in paginated text (pages split by form feeds: PDF text layers, OCR, antiword): page numbers at a
/// page's edge ("Page 2 of 3", "- 2 -", "2/3"), job-portal navigation ("^ Back to Top", anywhere), and running headers and footers (a line at
/// the top or bottom of two or more pages). It runs once, in extraction (TextQuality.Clean), so the text every consumer
/// sees (the parser, the compactor, ?includeText) is what a person reads. A running header or footer goes from every
/// page (a print stamp's date, a "Jane Roe · Résumé" footer that would otherwise land between two jobs), except where a
/// person reads it as content, once: a line with contact data (it may be printed nowhere else) stays where it first
/// appears, and the top of the first page (a name and title repeated at the end, "Curriculum Vitae") stays unless it
/// holds digits (a print stamp). Lines compare
/// case- and accent-blind with numbers masked except years ("Jane Roe – 2" = "Jane Roe – 3"), so a print stamp's
/// date matches itself while job dates at the top of two pages ("Sep 2015 – Jun 2017", "Sep 2012 – Jun 2015") differ.
/// Removed lines become empty, so line numbers (icon hints) stay valid. Compaction runs the same rules on its
/// normalised lines (Remove), to count what it drops.
/// </summary>
public static partial class PageFurniture
{
    // Page numbers are looked for in the outer three lines; running lines in the outer two once page numbers are gone
    // (a footer is a date and a name at most; a third line in is already content, such as a job's location).
    const int PageNumberLines = 3, RunningLines = 2;
    const int MaxFurnitureLength = 80;

    public readonly record struct Removed(int PageNumbers, int Navigation, int RunningLines)
    {
        public int Total => PageNumbers + Navigation + RunningLines;
    }

    public static string Strip(string text)
    {
        if (text.Length == 0 || IsOnePageWithoutFurniture(text)) return text;
        var pages = text.Split('\f').Select(p => (string?[])p.Split('\n')).ToArray();
        return Remove(pages).Total == 0 ? text : string.Join('\f', pages.Select(p => string.Join('\n', p)));
    }

    /// <summary>
    /// Sets the furniture lines of the pages to null and counts them. With keepFirstCopy every running line is read
    /// once, like a contact line: its first copy stays where it appears.
    /// </summary>
    public static Removed Remove(string?[][] pages, bool keepFirstCopy = false)
    {
        int pageNumbers = 0, navigation = 0;
        foreach (var page in pages)
        {
            foreach (var i in Edges(page, PageNumberLines))
                if (LinePatterns.IsPageNumber(page[i]!)) { page[i] = null; pageNumbers++; }
            for (int i = 0; i < page.Length; i++)
                if (page[i] is { Length: < 20 } line && BackToTop().IsMatch(line)) { page[i] = null; navigation++; }
        }
        int running = pages.Count(p => Edges(p, RunningLines).Any()) >= 2 ? RemoveRunningLines(pages, keepFirstCopy) : 0;
        return new(pageNumbers, navigation, running);
    }

    static int RemoveRunningLines(string?[][] pages, bool keepFirstCopy)
    {
        var edges = pages.Select(p => Edges(p, RunningLines).Where(i => p[i]!.Length <= MaxFurnitureLength).Select(i => (Index: i, Key: EdgeKey(p[i]!))).ToList()).ToList();
        var pagesWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in edges)
            foreach (var key in page.Select(e => e.Key).Where(k => k.Length > 3).Distinct())
                pagesWithKey[key] = pagesWithKey.GetValueOrDefault(key) + 1;
        int removed = 0;
        var keptOnce = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < pages.Length; p++)
        {
            // Furniture frames content: on a page whose every line repeats on other pages, those lines are the content.
            var repeated = edges[p].Count(e => pagesWithKey.GetValueOrDefault(e.Key) >= 2);
            if (repeated >= pages[p].Count(l => !string.IsNullOrWhiteSpace(l))) continue;
            foreach (var (i, key) in edges[p])
            {
                if (pagesWithKey.GetValueOrDefault(key) < 2) continue;
                var line = pages[p][i]!;
                bool readOnce = keepFirstCopy || LinePatterns.HasContact(line) || (p == 0 && IsTop(pages[p], i) && !line.Any(char.IsDigit));
                if (readOnce && keptOnce.Add(key)) continue;
                pages[p][i] = null;
                removed++;
            }
        }
        return removed;
    }

    /// <summary>
    /// Most texts are one page (no form feed: DOCX, ODT, RTF, HTML, plain text) without furniture. There nothing can
    /// repeat across pages, so only a page number among the outer lines or a navigation line would go; this looks for
    /// those without splitting the text into lines, which was a tenth of a plain-text read.
    /// </summary>
    static bool IsOnePageWithoutFurniture(string text)
    {
        if (text.Contains('\f')) return false;
        Span<Range> first = stackalloc Range[PageNumberLines], last = stackalloc Range[PageNumberLines];
        int nonBlank = 0;
        for (int start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start);
            if (line.Length < 20 && BackToTop().IsMatch(line)) return false;
            if (!line.IsWhiteSpace())
            {
                if (nonBlank < PageNumberLines) first[nonBlank] = start..end;
                last[nonBlank % PageNumberLines] = start..end;
                nonBlank++;
            }
            start = end + 1;
        }
        for (int i = 0; i < Math.Min(nonBlank, PageNumberLines); i++)
            if (LinePatterns.IsPageNumber(text.AsSpan()[first[i]]) || LinePatterns.IsPageNumber(text.AsSpan()[last[i]])) return false;
        return true;
    }

    static bool IsTop(string?[] page, int i) => page.Take(i).Count(l => !string.IsNullOrWhiteSpace(l)) < RunningLines;

    /// <summary>The first and last few non-blank lines of a page.</summary>
    static IEnumerable<int> Edges(string?[] page, int depth)
    {
        var nonBlank = Enumerable.Range(0, page.Length).Where(i => !string.IsNullOrWhiteSpace(page[i])).ToList();
        return nonBlank.Count <= 2 * depth ? nonBlank : nonBlank.Take(depth).Concat(nonBlank.TakeLast(depth));
    }

    static string EdgeKey(string line) => NotAYear().Replace(LinePatterns.Key(line), "#");

    // Navigation left in job-portal exports.
    [GeneratedRegex(@"^\s*\^?\s*back to top\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BackToTop();

    [GeneratedRegex(@"(?<!\d)(?!(?:19[4-9]\d|20[0-4]\d)(?!\d))\d+")]
    private static partial Regex NotAYear();
}
