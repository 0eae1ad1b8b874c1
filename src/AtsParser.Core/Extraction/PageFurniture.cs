using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Compaction;

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
/// Removed lines become empty, so line numbers (icon hints) stay valid.
/// </summary>
public static partial class PageFurniture
{
    // Page numbers are looked for in the outer three lines; running lines in the outer two once page numbers are gone
    // (a footer is a date and a name at most; a third line in is already content, such as a job's location).
    const int PageNumberLines = 3, RunningLines = 2;
    const int MaxFurnitureLength = 80;

    public static string Strip(string text)
    {
        if (text.Length == 0) return text;
        var pages = text.Split('\f').Select(p => p.Split('\n')).ToArray();
        bool changed = false;
        foreach (var page in pages)
        {
            foreach (var i in Edges(page, PageNumberLines))
                if (LinePatterns.IsPageNumber(page[i])) { page[i] = ""; changed = true; }
            for (int i = 0; i < page.Length; i++)
                if (page[i].Length < 20 && BackToTop().IsMatch(page[i])) { page[i] = ""; changed = true; }
        }
        if (pages.Count(p => Edges(p, RunningLines).Any()) >= 2) changed |= RemoveRunningLines(pages);
        return changed ? string.Join('\f', pages.Select(p => string.Join('\n', p))) : text;
    }

    static bool RemoveRunningLines(string[][] pages)
    {
        var edges = pages.Select(p => Edges(p, RunningLines).Where(i => p[i].Length <= MaxFurnitureLength).Select(i => (Index: i, Key: EdgeKey(p[i]))).ToList()).ToList();
        var pagesWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in edges)
            foreach (var key in page.Select(e => e.Key).Where(k => k.Length > 3).Distinct())
                pagesWithKey[key] = pagesWithKey.GetValueOrDefault(key) + 1;
        bool changed = false;
        var keptOnce = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < pages.Length; p++)
        {
            // Furniture frames content: on a page whose every line repeats on other pages, those lines are the content.
            var repeated = edges[p].Count(e => pagesWithKey.GetValueOrDefault(e.Key) >= 2);
            if (repeated >= pages[p].Count(l => !string.IsNullOrWhiteSpace(l))) continue;
            foreach (var (i, key) in edges[p])
            {
                if (pagesWithKey.GetValueOrDefault(key) < 2) continue;
                var line = pages[p][i];
                bool readOnce = LinePatterns.HasContact(line) || (p == 0 && IsTop(pages[p], i) && !line.Any(char.IsDigit));
                if (readOnce && keptOnce.Add(key)) continue;
                pages[p][i] = "";
                changed = true;
            }
        }
        return changed;
    }

    static bool IsTop(string[] page, int i) => page.Take(i).Count(l => !string.IsNullOrWhiteSpace(l)) < RunningLines;

    /// <summary>The first and last few non-blank lines of a page.</summary>
    static IEnumerable<int> Edges(string[] page, int depth)
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
