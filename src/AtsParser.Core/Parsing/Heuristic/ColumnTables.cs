using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Layout repairs on the document's lines before sections are found: a table read column by column ("Empresa" and its
/// cells, then "Cargo" and its cells, then "Período" …) is put back in rows under a header row, which TableColumns then
/// reads by column role; a date range wrapped after its dash ("2021.03 -" / "至今") is put back on one line.
/// </summary>
public static partial class ColumnTables
{
    public static string[] Repair(string[] lines) => Rows(JoinWrappedRanges(lines));

    static string[] JoinWrappedRanges(string[] lines)
    {
        var result = new List<string>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var t = lines[i].TrimEnd();
            // OpenRange ends in a dash-like character before white space only, which TrimEnd removed.
            if (i + 1 < lines.Length && t.Length > 0 && t[^1] is '-' or '–' or '—' or '~' or '至' or '到' && OpenRange().IsMatch(t) && lines[i + 1].Trim() is { Length: > 0 } next)
            {
                var joined = t + " " + next;
                if (DateParser.FindRanges(joined).Any(r => r.Index + r.Length > t.Length))
                {
                    result.Add(joined);
                    i++;
                    continue;
                }
            }
            if (i + 2 < lines.Length && WrappedTitle(t, lines[i + 1].Trim(), lines[i + 2]) is { } header)
            {
                result.Add(header);
                i++;
                continue;
            }
            if (i + 1 < lines.Length && WrappedMidDate(t, lines[i + 1].Trim()) is { } whole)
            {
                result.Add(whole);
                i++;
                continue;
            }
            result.Add(lines[i]);
        }
        return [.. result];
    }

    /// <summary>
    /// A "Company — Title" header wrapped by a narrow column before the title's head word ("Gralix Analytics — Loyalty
    /// Programme" / "Coordinator" / "Cork, 2018 — 2021"): the next line is one or two capitalised words ending in a job
    /// title's head word, and the line after it carries the entry's dates.
    /// </summary>
    static string? WrappedTitle(string t, string next, string after)
    {
        if (t.Length == 0 || EntrySegmenter.IsBullet(t) || next.Length is 0 or > 30 || next.Any(char.IsDigit) || !char.IsUpper(next[0])) return null;
        // next is trimmed and not empty: its last word is what follows its last space.
        if (TextNormalizer.WordCount(next) > 2 || !JobTitles.IsTitleWord(next[(next.LastIndexOf(' ') + 1)..]) || DateParser.FindRanges(t).Count > 0 || DateParser.FindRanges(after).Count == 0) return null;
        int sep = Math.Max(Math.Max(t.LastIndexOf(" — ", StringComparison.Ordinal), t.LastIndexOf(" – ", StringComparison.Ordinal)), t.LastIndexOf(" | ", StringComparison.Ordinal));
        if (sep <= 0) return null;
        var tail = t[(sep + 3)..].Trim();
        var tailWords = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tailWords.Length is 0 or > 3 || JobTitles.IsTitleWord(tailWords[^1]) || !char.IsLetter(tail[^1])) return null;
        return t + " " + next;
    }

    /// <summary>
    /// A range broken inside its end date by a narrow date column ("2021 年 4 月 – 2024 年" / "3月", "Jan 2019 – Mar" /
    /// "2021"): the next line is short, has no range of its own (a lone date at most), and joined it is wholly the tail of one range that
    /// starts on this line and reaches further than anything this line holds alone.
    /// </summary>
    static string? WrappedMidDate(string t, string next)
    {
        // A range starts with a year on this line and its wrapped end holds a figure: most lines stop here, before any
        // date scan (this runs for every line followed by a short one).
        if (next.Length is 0 or > 12 || t.Length == 0 || !char.IsLetterOrDigit(t[^1]) || !next.Any(char.IsDigit) || !t.Any(char.IsDigit)) return null;
        if (DateParser.FindRanges(next).Any(r => r.IsCurrent || r.Start?.Iso != r.End?.Iso)) return null;
        var joined = t + " " + next;
        var own = DateParser.FindRanges(t);
        foreach (var r in DateParser.FindRanges(joined))
        {
            if (r.Index >= t.Length || r.Index + r.Length != joined.TrimEnd(')', ']', '.', ',', ';').Length || r.End is null) continue;
            if (own.Any(o => o.Index == r.Index && o.End?.Iso == r.End.Iso)) continue;
            return joined;
        }
        return null;
    }

    // A date, then a dash with nothing after it: "2020.09 -", "03/2019 –", "2016年7月 至".
    [GeneratedRegex(@"\d\s*[.年/月]?\s*[-–—~至到]\s*$")]
    internal static partial Regex OpenRange();

    static string[] Rows(string[] lines)
    {
        List<string>? result = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var table = Table(lines, i, TableColumns.JobRoleOf, HeaderFragments.TitleLabel, HeaderFragments.EmployerLabel)
                ?? Table(lines, i, TableColumns.EducationRoleOf, FieldLabels.Degree, FieldLabels.Institution);
            if (table is not { } found) { result?.Add(lines[i]); continue; }
            result ??= [.. lines[..i]];
            result.Add(string.Join(" | ", found.Columns.Select(c => c.Label)));
            for (int r = 0; r < found.Columns[0].Cells.Count; r++) result.Add(string.Join(" | ", found.Columns.Select(c => c.Cells[r])));
            i += found.Consumed - 1;
        }
        return result is null ? lines : [.. result];
    }

    /// <summary>Two or more column labels of one kind, each followed by the same number (1–12) of cells, one of them a key column.</summary>
    static (List<(string Label, List<string> Cells)> Columns, int Consumed)? Table(string[] lines, int at, Func<string, string?> roleOf, string key1, string key2)
    {
        // Made at the first label: almost no line is one, and this runs twice for every line.
        List<(string Label, List<string> Cells)>? columns = null;
        List<string>? roles = null;
        int pos = at, rows = -1;
        while (pos < lines.Length && Label(lines[pos], roleOf) is { } role)
        {
            var cells = new List<string>();
            int p = pos + 1;
            while (p < lines.Length && (rows < 0 || cells.Count < rows) && IsCell(lines[p], roleOf)) cells.Add(lines[p++].Trim());
            if (cells.Count == 0 || cells.Count > 12 || rows >= 0 && cells.Count != rows) break;
            rows = cells.Count;
            (columns ??= []).Add((lines[pos].Trim().TrimEnd(':', '：').Trim(), cells));
            (roles ??= []).Add(role);
            pos = p;
        }
        if (columns is null || roles is null || columns.Count < 2 || !roles.Any(r => r == key1 || r == key2) || roles.Distinct().Count() != roles.Count) return null;
        return (columns, pos - at);
    }

    static string? Label(string line, Func<string, string?> roleOf)
    {
        var t = line.Trim().TrimEnd(':', '：').Trim();
        if (t.Length is 0 or > 40 || roleOf(t) is not { } role) return null;
        // The role's anchored patterns first: they reject almost every line, the heading test runs on every line.
        return SectionDetector.Heading(t) is null ? role : null;
    }

    static bool IsCell(string line, Func<string, string?> roleOf)
    {
        var t = line.Trim();
        return t.Length > 0 && !t.Contains(" | ") && roleOf(t.TrimEnd(':', '：').Trim()) is null && SectionDetector.Heading(t) is null;
    }
}
