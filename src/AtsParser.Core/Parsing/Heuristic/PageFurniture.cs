using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Removes page numbers and running headers/footers: lines at the edge of a page (pages split by form feeds) that repeat
/// on another page's edge once digits are ignored ("February 10, 2026 Mira Solen · Résumé 1").
/// </summary>
static partial class PageFurniture
{
    const int EdgeLines = 3;

    public static string Strip(string text)
    {
        var pages = text.Split('\f');
        var lines = pages.Select(p => p.Split('\n')).ToArray();
        var edgeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (pages.Length > 1)
            foreach (var page in lines)
                foreach (var key in Edges(page).Select(i => Key(page[i])).Where(k => k.Length > 3).Distinct())
                    edgeCounts[key] = edgeCounts.GetValueOrDefault(key) + 1;
        for (int p = 0; p < lines.Length; p++)
        {
            var page = lines[p];
            var edges = pages.Length > 1 ? Edges(page).ToHashSet() : [];
            for (int i = 0; i < page.Length; i++)
            {
                if (page[i].Length == 0 || page[i].Length > 80) continue;
                if (PageNumber().IsMatch(page[i]) || BackToTop().IsMatch(page[i]) || (edges.Contains(i) && edgeCounts.GetValueOrDefault(Key(page[i])) >= 2)) page[i] = "";
            }
        }
        return string.Join("\n", lines.Select(l => string.Join("\n", l)));
    }

    static IEnumerable<int> Edges(string[] page)
    {
        var nonEmpty = Enumerable.Range(0, page.Length).Where(i => page[i].Trim().Length > 0).ToList();
        return nonEmpty.Take(EdgeLines).Concat(nonEmpty.TakeLast(EdgeLines));
    }

    static string Key(string line) => new(line.Where(c => !char.IsDigit(c) && !char.IsWhiteSpace(c)).ToArray());

    // Navigation left in job-portal exports.
    [GeneratedRegex(@"^\s*\^?\s*back to top\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BackToTop();

    [GeneratedRegex(@"^\s*(?:(?:page|seite|página|pagina|page)\s*)?\d{1,3}(?:\s*(?:/|of|von|de|sur)\s*\d{1,3})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
