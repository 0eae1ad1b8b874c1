using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Compaction;

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

        // Lines compare exactly, except the outermost line of a page, which compares with digits masked ("Page 2 - Jane
        // Roe" = "Page 3 - Jane Roe") unless it holds a date or contact, so job dates atop two pages never look like a header.
        var pagesWithKey = new Dictionary<string, int>();
        foreach (var page in pages)
            foreach (var key in EdgeIndexes(page).Select(i => EdgeKey(page, i)).Distinct())
                pagesWithKey[key] = pagesWithKey.GetValueOrDefault(key) + 1;

        int repeated = 0;
        var kept = new HashSet<string>();
        foreach (var page in pages)
            foreach (var (i, key) in EdgeIndexes(page).Select(i => (i, EdgeKey(page, i))).ToList())
            {
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

    static string EdgeKey(List<string?> page, int i)
    {
        var line = page[i]!;
        var key = LinePatterns.Key(line);
        bool outermost = page.FindIndex(l => !string.IsNullOrEmpty(l)) == i || page.FindLastIndex(l => !string.IsNullOrEmpty(l)) == i;
        return outermost && !LinePatterns.HasDate(line) && !LinePatterns.HasContact(line) ? "#" + DigitsRegex().Replace(key, "#") : "=" + key;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();
}
