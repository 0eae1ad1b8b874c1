using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Turns list-like sections (skills, languages) into logical lines and items: wrapped lines are rejoined, category
/// prefixes ("Frameworks:") dropped, and items split at the document's own separators, never inside parentheses
/// and never at '/' ("CI/CD", "SVN/Subversion").
/// </summary>
static partial class ListItems
{
    /// <summary>The section's logical lines; for a heading with content on its own line ("Key Skills: a, b"), only that paragraph.</summary>
    public static List<string> LogicalLines(ResumeDocument doc, Section s)
    {
        var raw = new List<string?>();
        if (s.HeadingRest.Length > 0) raw.Add(s.HeadingRest);
        bool inlineOnly = s.HeadingRest.Length > 0 && s.Kind != SectionKinds.Languages;
        foreach (var i in s.LineIndexes)
        {
            var t = doc.Lines[i].Trim();
            // A bullet glyph left alone on its line by the extractor carries nothing.
            if (t.Length == 1 && EntrySegmenter.IsBullet(t + " ")) continue;
            bool dangling = raw.Count > 0 && raw[^1] is { } last && Dangling().IsMatch(last);
            if (t.Length == 0) { if (dangling) continue; if (inlineOnly && raw.Count > 0) break; raw.Add(null); continue; }
            raw.Add(t);
        }
        var result = new List<string>();
        string? current = null;
        // A bulleted list: a short line without a bullet right after an item is that item wrapped ("• Lean Six" / "Sigma").
        bool bulletedList = raw.Count(l => l is not null && EntrySegmenter.IsBullet(l)) >= 2;
        foreach (var line in raw)
        {
            if (line is null) { Flush(); continue; }
            if (bulletedList && current is not null && EntrySegmenter.IsBullet(current) && !EntrySegmenter.IsBullet(line) && !Prefix().IsMatch(line)
                && WrappedItemTail(line))
            {
                current += " " + line;
                continue;
            }
            // "…,Manejo de" / "Base de Datos(SQL y PL/SQL),…": an item cut after a connective goes on, whatever follows.
            if (current is not null && Dangling().IsMatch(current) && !EntrySegmenter.IsBullet(line)) { current += (current.EndsWith(',') ? "" : " ") + line; continue; }
            if (current is not null && Continues(current, line))
            {
                current = current.EndsWith(',') || current.EndsWith('-') && !current.EndsWith(" -") ? current + line : current + " " + line;
                continue;
            }
            Flush();
            current = line;
        }
        Flush();
        return result;

        void Flush() { if (current is not null) result.Add(current); current = null; }
    }

    // Rejoin a wrapped line: the previous ends mid-list or the next starts in lower case.
    static bool Continues(string previous, string next) =>
        !EntrySegmenter.IsBullet(next) && !Prefix().IsMatch(next) &&
        (previous.EndsWith(',') || (char.IsLower(next[0]) && !previous.EndsWith('.') && !previous.EndsWith(':')) || (previous.Length >= 60 && previous.Contains(',') && !previous.EndsWith('.')));

    /// <summary>Up to three words, no label colon, no date, no list separator: what a wrapped item leaves on the next line.</summary>
    internal static bool WrappedItemTail(string t) =>
        TextNormalizer.WordCount(t) <= 3 && !t.EndsWith(':') && !t.EndsWith('：')
        && t.IndexOfAny([',', '|', ';', '，', '、']) < 0 && Dates.DateParser.FindRanges(t).Count == 0;

    public static string StripPrefix(string line)
    {
        var t = line.Trim().TrimStart('•', '●', '▪', '◦', '■', '➢', '►', '✓', '✔', '*', '-', '–', '·', '❖', '○').Trim();
        var m = Prefix().Match(t);
        // "עברית: שפת אם" or "English: fluent": the label is the language itself, not a category.
        if (m.Success && SpokenLanguages.Find(m.Value.TrimEnd(':', '：', ' ')) is { } hit && hit.Length >= m.Value.TrimEnd(':', '：', ' ').Trim().Length - 1) return t;
        return m.Success ? t[m.Length..].Trim() : t;
    }

    public static List<string> Split(string line)
    {
        var items = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && IsSeparator(line, i, out int width))
            {
                AddItem(items, line.AsSpan(start, i - start));
                start = i + width;
                i = start - 1;
            }
        }
        AddItem(items, line.AsSpan(start));
        return items;
    }

    // Cleaned on the span, so an item costs one string, and none when it holds no letter or digit.
    static void AddItem(List<string> items, ReadOnlySpan<char> item)
    {
        var t = Clean(item);
        foreach (var c in t)
            if (char.IsLetterOrDigit(c)) { items.Add(t.ToString()); return; }
    }

    /// <summary>False when Split cannot cut the line (or any part of it) into two items: it holds none of the separators.</summary>
    public static bool MaySplit(string line) => line.AsSpan().ContainsAny(SeparatorStarts) || line.Contains("   ", StringComparison.Ordinal);

    // Every separator IsSeparator accepts starts with one of these characters or with three spaces.
    static readonly System.Buffers.SearchValues<char> SeparatorStarts = System.Buffers.SearchValues.Create(",;|•●▪·，、；<>=");

    static bool IsSeparator(string s, int i, out int width)
    {
        width = 1;
        char c = s[i];
        if (c is ',' or ';' or '|' or '•' or '●' or '▪' or '·' or '，' or '、' or '；') return true;
        // Comparison operators used as separators ("C == Python > C++").
        if ((c is '>' or '<') && i > 0 && s[i - 1] == ' ' && i + 1 < s.Length && s[i + 1] == ' ') return true;
        if (c == '=' && i + 1 < s.Length && s[i + 1] == '=' && i > 0 && s[i - 1] == ' ') { width = 2; return true; }
        if (c == ' ' && i + 2 < s.Length && s[i + 1] == ' ' && s[i + 2] == ' ') { width = 3; while (i + width < s.Length && s[i + width] == ' ') width++; return true; }
        return false;
    }

    internal static ReadOnlySpan<char> Clean(ReadOnlySpan<char> item)
    {
        var t = TextNormalizer.CollapseWhitespace(item.Trim().Trim(".:-–*• "));
        if (t.EndsWith(" and", StringComparison.Ordinal)) t = t[..^4];
        if (t.StartsWith("and ", StringComparison.Ordinal)) t = t[4..];
        return t.Trim();
    }

    [GeneratedRegex(@"(?:,|\s(?:of|and|de|del|da|do|y|e|et|und|in|en|em|&))$", RegexOptions.IgnoreCase)]
    private static partial Regex Dangling();

    // A category label ahead of a list: "Programming Languages:", "Over 5000 lines:", "编程语言:". Up to five words.
    [GeneratedRegex(@"^[^:：,;|()]{1,40}[:：]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
