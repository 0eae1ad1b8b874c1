using System.Buffers;
using System.Text;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Repairs what text layers do to resumes before any pattern runs: Quartz PDFs' TAB+CR+NBSP after every word,
/// soft hyphens standing in for dashes, ligatures (NFKC), and single lines megabytes long (cut at MaxLineLength,
/// which bounds every regex that runs later).
/// </summary>
public static class TextNormalizer
{
    public const int MaxLineLength = 1000;

    public static string[] Lines(string text)
    {
        var s = text.Replace("\r\n", "\n").Replace('\u00A0', ' ');
        // Quartz: "word\t\r \u00a0word" - the CR became a line break upstream; a tab before a break means "same line".
        s = s.Replace("\t\r", "\t\n").Replace('\r', '\n');
        if (CountOf(s, "\t\n") > 20) s = JoinTabBreaks(s);
        s = s.Replace("-\u00AD\u2010", "-").Replace("\u00AD\u2010", "-").Replace("\u00AD-", "-").Replace(" \u00AD ", " - ").Replace("\u00AD", "-");
        s = s.Normalize(NormalizationForm.FormKC).Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2212', '-');
        var lines = new List<string>();
        int blanks = 0;
        foreach (var raw in s.Split('\n'))
        {
            // Runs of blank lines carry no more meaning than two; collapsing them keeps "10 MB of newlines" cheap.
            if (string.IsNullOrWhiteSpace(raw)) { if (++blanks > 2) continue; }
            else blanks = 0;
            var line = TableRow(raw.Replace('\f', ' ').Replace("\t", "   ").TrimEnd());
            // Cut by index (not by re-slicing the rest) so a multi-megabyte line costs linear time.
            int start = 0;
            while (line.Length - start > MaxLineLength)
            {
                var cut = line.LastIndexOf(' ', start + MaxLineLength, 200);
                if (cut <= start) cut = start + MaxLineLength;
                lines.Add(line[start..cut]);
                start = cut;
            }
            lines.Add(start == 0 ? line : line[start..]);
        }
        return [.. lines];
    }

    /// <summary>"|Company   |Designation : X   |" (antiword tables) → "Company | Designation : X": cells kept apart, borders dropped.</summary>
    static string TableRow(string line)
    {
        var t = line.Trim();
        if (t.Length < 2 || t[0] != '|' || t[^1] != '|') return line;
        var cells = t[1..^1].Split('|').Select(c => c.Trim()).Where(c => c.Length > 0);
        return string.Join(" | ", cells);
    }

    static string JoinTabBreaks(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\t' && i + 1 < s.Length && s[i + 1] == '\n')
            {
                int j = i + 2;
                while (j < s.Length && s[j] == ' ') j++;
                if (j < s.Length && s[j] != '\n' && s[j] != '\t') { sb.Append(' '); i = j - 1; continue; }
                i = j - 1;
                continue;
            }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    static int CountOf(string s, string needle)
    {
        int n = 0;
        for (int i = s.IndexOf(needle, StringComparison.Ordinal); i >= 0 && n <= 20; i = s.IndexOf(needle, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>Every run of whitespace as one space, as Regex.Replace(s, @"\s+", " ") does; most text has single spaces only and is returned as is.</summary>
    public static string CollapseWhitespace(string s)
    {
        int at = CollapsedUpTo(s);
        return at == s.Length ? s : Collapse(s, at);
    }

    /// <summary>As <see cref="CollapseWhitespace(string)"/>; the span itself when there is nothing to collapse.</summary>
    public static ReadOnlySpan<char> CollapseWhitespace(ReadOnlySpan<char> s)
    {
        int at = CollapsedUpTo(s);
        return at == s.Length ? s : Collapse(s, at);
    }

    /// <summary>What <c>s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length</c> gives, without the strings.</summary>
    public static int WordCount(ReadOnlySpan<char> s)
    {
        int words = 0;
        for (int i = 0; i < s.Length; i++)
            if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) words++;
        return words;
    }

    /// <summary>What <c>s.Split(' ').Length</c> gives, without the strings.</summary>
    public static int SpaceParts(ReadOnlySpan<char> s) => s.Count(' ') + 1;

    // Length of the prefix that is already collapsed.
    static int CollapsedUpTo(ReadOnlySpan<char> s)
    {
        int at = 0;
        while (at < s.Length && (!char.IsWhiteSpace(s[at]) || s[at] == ' ' && (at + 1 == s.Length || !char.IsWhiteSpace(s[at + 1])))) at++;
        return at;
    }

    static string Collapse(ReadOnlySpan<char> s, int at)
    {
        var sb = new StringBuilder(s.Length).Append(s[..at]);
        for (int i = at; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i])) { sb.Append(s[i]); continue; }
            sb.Append(' ');
            while (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1])) i++;
        }
        return sb.ToString();
    }

    static readonly SearchValues<char> AsciiWhitespaceButSpace = SearchValues.Create(Enumerable.Range(0, 128).Select(i => (char)i)
        .Where(c => char.IsWhiteSpace(c) && c != ' ').ToArray());

    /// <summary>Casefolded, accent-free, whitespace-collapsed form used to compare headings and labels.</summary>
    public static string Fold(string s)
    {
        // Most text is ASCII: nothing to decompose and no marks to drop.
        if (Ascii.IsValid(s)) return FoldAscii(s);
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        bool space = false;
        foreach (var c in d)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    static string FoldAscii(string s)
    {
        // Single spaces between words (the common case): lower case is all there is to do, vectorised.
        var span = s.AsSpan();
        if (!span.ContainsAny(AsciiWhitespaceButSpace) && !span.Contains("  ", StringComparison.Ordinal) && (s.Length == 0 || s[0] != ' ' && s[^1] != ' '))
            return s.ToLowerInvariant();

        Span<char> folded = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        int n = 0;
        bool space = false, changed = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = n > 0; changed |= c != ' '; continue; }
            if (space) { folded[n++] = ' '; space = false; }
            var lower = char.ToLowerInvariant(c);
            changed |= lower != c;
            folded[n++] = lower;
        }
        // Already folded (the common case for words and labels): no copy.
        return changed || n != s.Length ? new string(folded[..n]) : s;
    }
}
