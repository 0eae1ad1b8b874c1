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
        var lines = InterleaveDateColumn(doc, section.LineIndexes.Where(i => doc.Lines[i].AsSpan().Trim().Trim(Bullets).Trim().Length > 0).ToList());
        for (int k = 0; k < lines.Count; k++)
        {
            int i = lines[k];
            var t = doc.Lines[i].Trim();
            bool continuation = body is { Count: > 0 } && body[^1] == (k > 0 ? lines[k - 1] : -1) && IsContinuation(doc, lines, k);
            if (continuation || IsBody(t) && !(section.Kind == SectionKinds.Experience && DatedBulletEntry(t)))
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
        // A line carrying a date range opens the next entry even in lower case ("septembre 2019 - juillet 2023").
        if (TextNormalizer.WordCount(t) <= 8 && DateParser.FindRanges(t).Count > 0) return false;
        if (char.IsLower(t[0])) return true;
        if (previous.EndsWith('.') || previous.EndsWith(':') || previous.EndsWith(';') || previous.EndsWith('!') || previous.EndsWith('?')) return false;
        for (int j = k; j < lines.Count && j <= k + 2; j++)
            if (DateParser.FindRanges(doc.Lines[lines[j]]).Count > 0) return false;
        return IsBullet(previous.TrimStart()) && previous.Length > 60;
    }

    /// <summary>
    /// The entry's header lines, with a line wrapped in a narrow column joined to the next one: it ends in a connective or a
    /// separator ("Bachelor of Science in" / "Industrial Design, Norhaven Institute of" / "Technology"), or its last piece
    /// after a dash only makes a title with the next line ("Quenello Group — Tariff" / "Scheduler"). A date line is never
    /// appended to another line, so date offsets stay valid.
    /// </summary>
    public static List<(string Text, int Index)> HeaderLines(ResumeDocument doc, EntryBlock block) => Joined(doc, block.Header, block.DateLine);

    public static List<(string Text, int Index)> Joined(ResumeDocument doc, IEnumerable<int> lines, int dateLine)
    {
        var result = new List<(string Text, int Index)>();
        bool open = false;
        int last = -2;
        foreach (var i in lines)
        {
            var t = doc.Lines[i].Trim();
            bool continues = open || result.Count > 0 && (StartsWithLegalForm(t) || LoneConnective().IsMatch(t) || LoneSchoolWord(t) && !DegreeLevelClassifier.IsInstitution(result[^1].Text)
                || DegreeLevelClassifier.IsBareDegree(result[^1].Text) && FieldLine(t));
            if (continues && i != dateLine && last == i - 1 && t.Length > 0 && !IsBullet(t))
                result[^1] = (result[^1].Text.TrimEnd() + " " + t, result[^1].Index);
            else result.Add((doc.Lines[i], i));
            // Text is only ever appended after a date line, so its date offsets stay valid.
            open = t.Length > 0 && (Dangling().IsMatch(t) || LoneConnective().IsMatch(t) || WrappedTitle(doc, t, i));
            last = i;
        }
        return result;
    }

    /// <summary>"Wirtschaftsinformatik" under "Bachelor of Science": a short name with no school, degree, date or place in it is the field.</summary>
    static bool FieldLine(string t)
    {
        return TextNormalizer.WordCount(t) is >= 1 and <= 4 && char.IsUpper(t[0]) && !t.Any(char.IsDigit) && !t.Contains(',') && !t.Contains('|')
            && !DegreeLevelClassifier.IsInstitution(t) && !DegreeLevelClassifier.IsDegree(t) && !LocationExtractor.IsPlace(t) && Geo.CountryNamed(t) is null;
    }

    /// <summary>"S.A. de C.V., Querétaro" under "Jefe de datos clínicos, Lumello Energía": the legal form wrapped.</summary>
    static bool StartsWithLegalForm(string t)
    {
        int comma = t.IndexOf(',');
        var first = (comma < 0 ? t.AsSpan() : t.AsSpan(0, comma)).Trim();
        return first.Length >= 2 && first.Length <= 16 && OpenVocabulary.IsLegalForm(first.ToString()) && HasUpper(first);
    }

    static bool HasUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsUpper(c)) return true;
        return false;
    }

    /// <summary>"University" alone under "Supply Chain Management, Dorridge State": the school's name wrapped.</summary>
    static bool LoneSchoolWord(string t) => t.Length > 3 && !t.Contains(' ') && char.IsUpper(t[0]) && DegreeLevelClassifier.IsInstitution(t);

    /// <summary>"Quenello Group — Tariff" then "Scheduler": the lone word after the dash is no title, with the next line it is.</summary>
    static bool WrappedTitle(ResumeDocument doc, string t, int i)
    {
        var m = LastPiece().Match(t);
        if (!m.Success || i + 1 >= doc.Lines.Length) return false;
        var next = doc.Lines[i + 1].Trim();
        if (next.Length == 0 || next.AsSpan().Count(' ') > 2 || !char.IsUpper(next[0]) || DateParser.FindRanges(next).Count > 0 || LocationExtractor.IsPlace(next)) return false;
        var piece = m.Groups["w"].Value;
        return JobTitles.TitleScore(piece) == 0 && JobTitles.TitleScore(piece + " " + next) > 0;
    }

    [GeneratedRegex(@"(?:\s(?:in|of|and|for|at|de|del|da|do|em|en|et|und|für|der|des|du|y|e|&)|\s[—–|]|,)$", RegexOptions.IgnoreCase)]
    private static partial Regex Dangling();

    // A full stop after a lower-case word, then a capital: two sentences. "abr. 2021", "Ltda., Campinas", "S.A. de C.V." are not.
    [GeneratedRegex(@"\p{Ll}{3}\.\s+\p{Lu}")]
    private static partial Regex SentenceInside();

    // "DIPLOMA" / "IN" / "COMPUTER SCIENCE": a connective alone on its line joins the lines around it.
    [GeneratedRegex(@"^(?:in|of|and|for|de|en|em|in der|im|und|et|y|e)$", RegexOptions.IgnoreCase)]
    private static partial Regex LoneConnective();

    [GeneratedRegex(@"\s[—–|]\s+(?<w>[A-ZÀ-Þ][\p{L}]+)$")]
    private static partial Regex LastPiece();

    /// <summary>
    /// "• Barista, Hollin Coffee Roasters (2015 - 2016)", "- 2019 - 2022: Tutor at Lakemont": a bulleted list of jobs. A
    /// bullet whose date range stands at its start or end, around a short name-like rest, opens an entry; a duty bullet
    /// that mentions years ("• Led the 2019 - 2020 migration") has the dates inside its sentence.
    /// </summary>
    public static bool DatedBulletEntry(string t)
    {
        if (!IsBullet(t)) return false;
        var body = t.TrimStart(Bullets).Trim();
        var ranges = DateParser.FindRanges(body);
        if (ranges.Count != 1) return false;
        var r = ranges[0];
        var before = body[..r.Index].Trim(' ', '(', '[', ':', ',', '|', '-', '–', '—');
        var after = body[(r.Index + r.Length)..].Trim(' ', ')', ']', ':', ',', '|', '-', '–', '—');
        var rest = before.Length == 0 ? after : after.Length == 0 ? before : null;
        if (rest is null || rest.Length < 3 || rest.EndsWith('.')) return false;
        return TextNormalizer.WordCount(rest) <= 10 && RoleSplitter.StartsName(rest);
    }

    public static bool IsBullet(string t) => t.Length > 1 && Bullets.Contains(t[0]) && (char.IsWhiteSpace(t[1]) || t[0] is '•' or '●' or '▪' or '➢' or '►');

    internal static bool IsBody(string t) => (bodies ??= new()).Get(t, ComputeIsBody);

    // The segmenter and the date-column repair ask this of the same lines.
    [ThreadStatic] static ParseMemo.Cache<bool>? bodies;

    internal static bool ComputeIsBody(string t)
    {
        if (IsBullet(t) || SubHeading().IsMatch(t) || (BodyLabel().IsMatch(t) && !HeaderFragments.IsClientVia(t)) || Recommendations().IsMatch(t)) return true;
        // Chinese and Japanese write sentences without spaces and end them with an ideographic full stop.
        if (t.Length >= 6 && t[^1] is '。' or '！' or '；') return true;
        var words = TextNormalizer.WordCount(t);
        bool dated = DateParser.FindRanges(t).Count > 0;
        // "Director of IT – Hybrid Cloud Automation <tab> March 2019 – Nov 2021 Halvern Media – Austin, TX" is one long header.
        if (words > 14) return !dated || words > 26 || SentenceInside().IsMatch(t);
        if (!t.EndsWith('.') || dated) return false;
        // "Analista de tarifas en Calant Consultores S.A. de C.V.": the full stop belongs to the legal form.
        if (words <= 12 && OpenVocabulary.FullStopOfLegalForm(t)) return false;
        return words > 7 || words >= 4 && IsSentenceEnd(t);
    }

    /// <summary>
    /// A short duty line without a bullet ("Liderança de equipe com 12 colaboradores."): its last word is a lower-case word
    /// before the full stop. Titles and employers end in a capitalised word, a legal form ("Ltda.") or an abbreviation.
    /// </summary>
    static bool IsSentenceEnd(string t)
    {
        var words = t[..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1];
        // An achievement ends in its figure ("Reduzierung der Durchlaufzeiten um 15 %.", "Cut costs by 18%."): a
        // sentence when lower-case words run through it; no title or employer ends in a percentage or an amount.
        if (Figure().IsMatch(last) && words.Count(w => w.Length >= 2 && w.All(char.IsLetter) && char.IsLower(w[0])) >= 2) return true;
        // Hebrew and other scripts without capitals end sentences in a word with no upper-case letter too.
        return last.Length >= 3 && last.All(char.IsLetter) && !last.Any(char.IsUpper) && !OpenVocabulary.FullStopOfLegalForm(t);
    }

    static IEnumerable<EntryBlock> Split(ResumeDocument doc, List<int> header, List<int> body)
    {
        var anchors = header.Select(i => (Line: i, Ranges: DateParser.FindRanges(doc.Lines[i], doc.RightToLeft)))
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

    // Profile exports print "1 recommendation available upon request" under a job.
    [GeneratedRegex(@"(?i)^\d+\s+recommendations?\s+available\s+upon\s+request\.?$")]
    private static partial Regex Recommendations();

    // "Date of birth: 12.03.1990", "Geburtsdatum: …"; a label word elsewhere ("2014 : Licence …", the French bachelor) is no birth date.
    static bool IsBirthDate(string line) => BirthLabel().IsMatch(line);

    [GeneratedRegex(@"(?i)\b(?:dob|d\.o\.b|birth|born|geburtsdatum|geboren|fecha\s+de\s+nacimiento|nacimiento|naissance|née?\s+le|nascimento|data\s+de\s+nasc|תאריך\s+לידה|出生)\b[^:：]{0,20}[:：]|^\s*(?:dob|birth|born|geboren|née?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BirthLabel();

    [GeneratedRegex(@"^(?:%|[$€£¥₹]?\d[\d.,]*\s?(?:%|[kKmM]|Mio|Mrd)?)$")]
    private static partial Regex Figure();
}
