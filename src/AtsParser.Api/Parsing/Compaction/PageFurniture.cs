using System.Text.RegularExpressions;

namespace AtsParser.Api.Parsing.Compaction;

/// <summary>
/// Running headers and footers: a line at the top or bottom of two or more pages (digits ignored, so "Page 2"
/// and "Page 3" are the same line) is kept once, where it first appears. Bare page numbers at a page edge go.
/// </summary>
public static partial class PageFurniture
{
    const int EdgeLines = 3;

    public static (int Repeated, int PageNumbers) Remove(List<List<string?>> pages)
    {
        int pageNumbers = 0;
        foreach (var page in pages)
            foreach (var i in EdgeIndexes(page))
                if (LinePatterns.IsPageNumber(page[i]!)) { page[i] = null; pageNumbers++; }
        if (pages.Count < 2) return (0, pageNumbers);

        // Two keys per line: exact, and with digits masked ("Page 2" = "Page 3"). A masked match only counts for lines
        // without dates or contacts, so that job dates at the top of two pages are never taken for a header.
        var pagesWithKey = new Dictionary<string, int>();
        foreach (var page in pages)
            foreach (var key in EdgeIndexes(page).Select(i => EdgeKey(page[i]!)).Distinct())
                pagesWithKey[key] = pagesWithKey.GetValueOrDefault(key) + 1;

        int repeated = 0;
        var kept = new HashSet<string>();
        foreach (var page in pages)
            foreach (var i in EdgeIndexes(page))
            {
                var key = EdgeKey(page[i]!);
                if (pagesWithKey[key] < 2 || kept.Add(key)) continue;
                page[i] = null;
                repeated++;
            }
        return (repeated, pageNumbers);
    }

    /// <summary>The first and last few non-blank lines of a page.</summary>
    static IEnumerable<int> EdgeIndexes(List<string?> page)
    {
        var nonBlank = Enumerable.Range(0, page.Count).Where(i => !string.IsNullOrEmpty(page[i])).ToList();
        return nonBlank.Count <= 2 * EdgeLines ? nonBlank : nonBlank.Take(EdgeLines).Concat(nonBlank.TakeLast(EdgeLines));
    }

    static string EdgeKey(string line)
    {
        var key = LinePatterns.Key(line);
        return LinePatterns.HasDate(line) || LinePatterns.HasContact(line) ? "=" + key : "#" + DigitsRegex().Replace(key, "#");
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();
}
