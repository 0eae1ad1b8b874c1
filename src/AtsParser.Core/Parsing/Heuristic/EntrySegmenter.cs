using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Heuristic;

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
public static partial class EntrySegmenter
{
    static readonly char[] Bullets = ['•', '●', '▪', '◦', '■', '➢', '►', '✓', '✔', '*', '-', '–', '·', '❖', '○', '♦', '>'];

    public static List<EntryBlock> Segment(ResumeDocument doc, Section section)
    {
        var runs = new List<(List<int> Header, List<int> Body)>();
        List<int>? header = null, body = null;
        var lines = section.LineIndexes.Where(i => doc.Lines[i].Trim().Trim(Bullets).Trim().Length > 0).ToList();
        for (int k = 0; k < lines.Count; k++)
        {
            int i = lines[k];
            var t = doc.Lines[i].Trim();
            bool continuation = body is { Count: > 0 } && body[^1] == (k > 0 ? lines[k - 1] : -1) && IsContinuation(doc, lines, k);
            if (continuation || IsBody(t))
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
        // Where entries carry dates, a dateless run after one is an unbulleted duty line of it, not another entry.
        if (entries.Count(e => e.Dates is not null) == 0) return entries;
        var merged = new List<EntryBlock>();
        foreach (var e in entries)
        {
            if (e.Dates is null && merged.Count > 0) { merged[^1].Body.AddRange(e.Header.Concat(e.Body).Order()); continue; }
            merged.Add(e);
        }
        return merged;
    }

    /// <summary>
    /// A wrapped bullet or paragraph: it starts in lower case, or the previous body line stops mid-sentence, and no
    /// date is on it or just below it (which would make it the next entry's header).
    /// </summary>
    static bool IsContinuation(ResumeDocument doc, List<int> lines, int k)
    {
        var t = doc.Lines[lines[k]].Trim();
        var previous = doc.Lines[lines[k - 1]].TrimEnd();
        if (char.IsLower(t[0])) return true;
        if (previous.EndsWith('.') || previous.EndsWith(':') || previous.EndsWith(';') || previous.EndsWith('!') || previous.EndsWith('?')) return false;
        for (int j = k; j < lines.Count && j <= k + 2; j++)
            if (DateParser.FindRanges(doc.Lines[lines[j]]).Count > 0) return false;
        return IsBullet(previous.TrimStart()) && previous.Length > 60;
    }

    public static bool IsBullet(string t) => t.Length > 1 && Bullets.Contains(t[0]) && (char.IsWhiteSpace(t[1]) || t[0] is '•' or '●' or '▪' or '➢' or '►');

    static bool IsBody(string t)
    {
        if (IsBullet(t) || SubHeading().IsMatch(t) || BodyLabel().IsMatch(t)) return true;
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
        // Date after the header: the first entry shows how many header lines precede a date; lines beyond that
        // (unbulleted duties of the previous job) are the previous entry's body.
        int headerSize = Math.Max(1, header.IndexOf(anchors[0].Line));
        int pos = 0;
        for (int k = 0; k < anchors.Count; k++)
        {
            var e = new EntryBlock { Dates = anchors[k].Ranges[0], DateLine = anchors[k].Line };
            int at = header.IndexOf(anchors[k].Line);
            if (dateFirst)
            {
                int to = k + 1 < anchors.Count ? header.IndexOf(anchors[k + 1].Line) : header.Count;
                e.Header.AddRange(header.GetRange(at, to - at));
            }
            else
            {
                int from = k == 0 ? 0 : Math.Max(pos, at - headerSize);
                // One more line above when it names an organisation or a place ("Marrow Health, Denver") rather than a duty.
                if (k > 0 && from - 1 >= pos && RoleSplitter.LooksLikeEntryHeader(doc.Lines[header[from - 1]])) from--;
                if (k > 0) blocks[^1].Body.AddRange(header.GetRange(pos, from - pos));
                e.Header.AddRange(header.GetRange(from, at + 1 - from));
                pos = at + 1;
                if (k == anchors.Count - 1) e.Body.AddRange(header.GetRange(pos, header.Count - pos));
            }
            blocks.Add(e);
        }
        blocks[^1].Body.AddRange(body);
        foreach (var b in blocks) yield return b;
    }

    // Headings inside a job ("Roles and Responsibilities:", "Aufgaben", "Logros") open its body; they name no role.
    [GeneratedRegex(@"(?i)^[\W_]*(?:(?:key|main|major|primary|my|roles?\s*(?:&|and|/)\s*)?(?:responsibilit(?:y|ies)|duties|achievements?|accomplishments?|tasks?|contributions?|deliverables)(?:\s*(?:&|and|/)\s*(?:responsibilit(?:y|ies)|achievements?|duties))?(?:\s+(?:include[ds]?|handled))?|role\s*(?:&|and|/)\s*responsibilit(?:y|ies)|job\s+(?:description|profile|responsibilities)|project\s+(?:details|description|summary)|description|aufgaben(?:bereich|gebiete)?|tätigkeiten|tätigkeitsschwerpunkte|verantwortlichkeiten|erfolge|missions?|responsabilités|réalisations|tâches|responsabilidades|funciones|logros|tareas|atividades|atribuições|principais atividades|conquistas|תחומי אחריות|תפקידים|工作职责|主要职责|工作内容)\s*[:：\-–]?\s*$")]
    private static partial Regex SubHeading();

    // Labelled lines that describe the job, not who it was for: "Client: X", "Environment: Java", "Team size: 8".
    [GeneratedRegex(@"(?i)^[\W_]*(?:clients?|customer|end\s+client|project(?:\s+name)?|environment|technologies(?:\s+used)?|tech(?:nology)?\s+stack|tools(?:\s+used)?|team\s+size|domain|platform|kunde|projekt|cliente|proyecto|projet|projeto|ambiente|umgebung)\s*[:：\-–]")]
    private static partial Regex BodyLabel();

    static bool IsBirthDate(string line) => ContactPatterns.NotPhoneLabel().IsMatch(line) && line.Contains(':');
}
