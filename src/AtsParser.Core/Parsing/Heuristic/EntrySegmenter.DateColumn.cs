using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Heuristic;

public static partial class EntrySegmenter
{
    /// <summary>
    /// A column of dates read apart from the text beside it: two or more lines holding only a date range, then (or after)
    /// as many entries. The k-th range goes after the k-th entry's header, so each entry is anchored on its own dates. An
    /// entry is a run of header lines; where the runs do not match the dates one to one but the header lines do, each
    /// line is one. Nothing moves when the counts differ or the text has dates of its own.
    /// </summary>
    static List<int> InterleaveDateColumn(ResumeDocument doc, List<int> lines)
    {
        for (int k = 0; k < lines.Count; k++)
        {
            if (!PureDate(doc, lines[k])) continue;
            int end = k;
            while (end + 1 < lines.Count && PureDate(doc, lines[end + 1])) end++;
            int m = end - k + 1;
            if (m < 2) { k = end; continue; }
            var dates = lines.GetRange(k, m);
            var before = lines.GetRange(0, k);
            var after = lines.GetRange(end + 1, lines.Count - end - 1);
            if (UnitEnds(doc, after, m) is { } a)
                return [.. before, .. Insert(after, a, dates)];
            if (UnitEnds(doc, before, m) is { } b)
                return [.. Insert(before, b, dates), .. after];
            return lines;
        }
        return lines;
    }

    static List<int> Insert(List<int> text, List<int> unitEnds, List<int> dates)
    {
        var result = new List<int>(text.Count + dates.Count);
        for (int p = 0; p < text.Count; p++)
        {
            result.Add(text[p]);
            int u = unitEnds.IndexOf(p);
            if (u >= 0) result.Add(dates[u]);
        }
        return result;
    }

    /// <summary>Positions of each entry's last header line, or null when the text carries dates itself or the count differs.</summary>
    static List<int>? UnitEnds(ResumeDocument doc, List<int> text, int entries)
    {
        if (text.Count == 0 || text.Any(i => DateParser.FindRanges(doc.Lines[i], doc.RightToLeft).Count > 0)) return null;
        var header = new List<int>();
        var runEnds = new List<int>();
        for (int p = 0; p < text.Count; p++)
        {
            if (IsBody(doc.Lines[text[p]].Trim())) continue;
            header.Add(p);
            if (p + 1 == text.Count || IsBody(doc.Lines[text[p + 1]].Trim())) runEnds.Add(p);
        }
        return runEnds.Count == entries ? runEnds : header.Count == entries ? header : null;
    }

    static bool PureDate(ResumeDocument doc, int line)
    {
        var t = doc.Lines[line].Trim();
        var ranges = DateParser.FindRanges(t, doc.RightToLeft);
        if (ranges.Count != 1) return false;
        var rest = t[..ranges[0].Index] + t[(ranges[0].Index + ranges[0].Length)..];
        return !rest.Any(char.IsLetterOrDigit);
    }
}
