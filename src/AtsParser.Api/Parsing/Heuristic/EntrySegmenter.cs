using AtsParser.Api.Parsing.Dates;

namespace AtsParser.Api.Parsing.Heuristic;

/// <summary>One job or school: its header lines (title, employer, place), the line with its dates, and its body.</summary>
public sealed class EntryBlock
{
    public List<int> Header { get; } = [];
    public List<int> Body { get; } = [];
    public DateRange? Dates { get; set; }
    public int DateLine { get; set; } = -1;
}

/// <summary>
/// Splits an experience or education section into entries. Short non-bullet lines form header runs; bullets and prose
/// form bodies. A header run holding several date ranges (entries with no body between them, or a date column) is cut
/// at the dates, date-first or date-last as the run shows, so two jobs never merge into one.
/// </summary>
public static class EntrySegmenter
{
    static readonly char[] Bullets = ['•', '●', '▪', '◦', '■', '➢', '►', '✓', '✔', '*', '-', '–', '·', '❖', '○', '♦', '>'];

    public static List<EntryBlock> Segment(ResumeDocument doc, Section section)
    {
        var runs = new List<(List<int> Header, List<int> Body)>();
        List<int>? header = null, body = null;
        foreach (var i in section.LineIndexes)
        {
            var t = doc.Lines[i].Trim();
            if (t.Length == 0 || t.Trim(Bullets).Trim().Length == 0) continue;
            if (IsBody(t))
            {
                if (header is null) { header = []; body = []; runs.Add((header, body)); }
                body!.Add(i);
                continue;
            }
            if (header is null || body!.Count > 0) { header = []; body = []; runs.Add((header, body)); }
            header.Add(i);
        }
        var entries = new List<EntryBlock>();
        foreach (var (h, b) in runs) entries.AddRange(Split(doc, h, b));
        return entries;
    }

    public static bool IsBullet(string t) => t.Length > 1 && Bullets.Contains(t[0]) && (char.IsWhiteSpace(t[1]) || t[0] is '•' or '●' or '▪' or '➢' or '►');

    static bool IsBody(string t)
    {
        if (IsBullet(t)) return true;
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 14) return true;
        return words > 7 && t.EndsWith('.') && DateParser.FindRanges(t).Count == 0;
    }

    static IEnumerable<EntryBlock> Split(ResumeDocument doc, List<int> header, List<int> body)
    {
        var anchors = header.Select(i => (Line: i, Ranges: DateParser.FindRanges(doc.Lines[i])))
            .Where(a => a.Ranges.Count > 0 && !IsBirthDate(doc.Lines[a.Line])).ToList();
        if (anchors.Count <= 1)
        {
            var e = new EntryBlock { Dates = anchors.FirstOrDefault().Ranges?[0], DateLine = anchors.Count == 1 ? anchors[0].Line : -1 };
            e.Header.AddRange(header);
            e.Body.AddRange(body);
            yield return e;
            yield break;
        }
        bool dateFirst = anchors[0].Line == header[0];
        var blocks = new List<EntryBlock>();
        int pos = 0;
        for (int k = 0; k < anchors.Count; k++)
        {
            var e = new EntryBlock { Dates = anchors[k].Ranges[0], DateLine = anchors[k].Line };
            int from = dateFirst ? header.IndexOf(anchors[k].Line) : pos;
            int to = dateFirst ? (k + 1 < anchors.Count ? header.IndexOf(anchors[k + 1].Line) : header.Count) : header.IndexOf(anchors[k].Line) + 1;
            if (!dateFirst && k == anchors.Count - 1) to = header.Count;
            e.Header.AddRange(header.GetRange(from, to - from));
            pos = to;
            blocks.Add(e);
        }
        blocks[^1].Body.AddRange(body);
        foreach (var b in blocks) yield return b;
    }

    static bool IsBirthDate(string line) => ContactPatterns.NotPhoneLabel().IsMatch(line) && line.Contains(':');
}
