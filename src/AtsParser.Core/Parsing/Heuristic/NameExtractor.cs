using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// The candidate's name: a "Name:" label in the header or personal details (never a father's or referee's), else the
/// first name-shaped line at the top, with a job-portal label glued to it removed.
/// </summary>
static partial class NameExtractor
{
    static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "curriculum vitae", "curriculum", "resume", "cv", "lebenslauf", "hoja de vida", "curriculo", "biodata", "bio data",
        "קורות חיים", "简历", "个人简历", "履历", "profile", "contact", "page",
    };

    static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "bin", "binti", "al", "el", "y", "e",
    };

    public static (PersonName? Name, int Line) Extract(ResumeDocument doc)
    {
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!doc.InContactZone(i) || ContactPatterns.RelativeLabel().IsMatch(lines[i])) continue;
            var m = ContactPatterns.NameLabel().Match(lines[i]);
            if (!m.Success) m = ContactPatterns.NameLabelAfter().Match(lines[i]);
            if (m.Success && Clean(m.Groups["v"].Value) is { } labelled && LooksLikeName(labelled, allowSingle: true)) return (Split(labelled), i);
        }
        int seen = 0;
        for (int i = 0; i < lines.Length && seen < 10; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            if (doc.KindOf(i) != SectionKinds.Header || doc.IsHeading(i)) break;
            seen++;
            var candidate = Clean(lines[i]);
            if (candidate is null) continue;
            if (LooksLikeName(candidate, allowSingle: false)) return (Split(candidate), i);
            // A name printed over two lines ("CHRISTIAN" / "LARICO DEPAZ").
            int next = NextNonEmpty(lines, i);
            if (next > 0 && doc.KindOf(next) == SectionKinds.Header && LooksLikeName(candidate, allowSingle: true)
                && Clean(lines[next]) is { } second && LooksLikeName(candidate + " " + second, allowSingle: false) && second.Split(' ').Length <= 3)
                return (Split(candidate + " " + second), i);
        }
        return (null, -1);
    }

    static int NextNonEmpty(string[] lines, int i)
    {
        for (int j = i + 1; j < lines.Length && j < i + 3; j++) if (lines[j].Trim().Length > 0) return j;
        return -1;
    }

    static string? Clean(string line)
    {
        var t = ContactPatterns.GluedLabel().Replace(line.Trim(), " ");
        t = ContactPatterns.PortalSuffix().Replace(t, "");
        t = Whitespace().Replace(t, " ").Trim(' ', ',', ';', '|', '-', '–', '•', '·');
        // "Jane Doe RHCE Certified", "Priya Nair, PMP", "Max Muster, M.Sc.": credentials after a name are not the name.
        var cut = CredentialTail().Replace(t, "");
        if (cut.Length >= 3 && cut.Contains(' ')) t = cut;
        // "John.Smith" printed as the name.
        var dotted = DottedName().Match(t);
        if (dotted.Success) t = Capital(dotted.Groups["f"].Value) + " " + Capital(dotted.Groups["l"].Value);
        return t.Length is >= 2 and <= 60 ? t : null;
    }

    public static bool LooksLikeName(string s, bool allowSingle)
    {
        if (s.Any(char.IsDigit) || s.Contains('@') || s.Contains("://") || s.Contains('|')) return false;
        var folded = TextNormalizer.Fold(s);
        if (NotNames.Contains(folded) || SectionDetector.Heading(s) is not null) return false;
        if (s.All(c => IsCjk(c) || c == ' ' || c == '·')) return s.Count(IsCjk) is >= 2 and <= 5;
        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 5 || (tokens.Length < 2 && !allowSingle)) return false;
        bool hebrew = s.Any(c => c is >= '\u05D0' and <= '\u05EA');
        foreach (var t in tokens)
        {
            if (!t.All(c => char.IsLetter(c) || c is '.' or '\'' or '-' or '’')) return false;
            if (!hebrew && !char.IsUpper(t[0]) && !Particles.Contains(t)) return false;
            if (JobTitles.IsTitleWord(t)) return false;
        }
        return tokens.Count(t => t.Length > 1 && !t.EndsWith('.')) >= (allowSingle ? 1 : 2) || tokens.Length >= 3;
    }

    /// <summary>
    /// Tie-breaker when the text names nobody: an e-mail "first.last@…" whose two parts both appear elsewhere in the
    /// document as words (a signature, a file header) gives "First Last".
    /// </summary>
    public static PersonName? FromEmail(ResumeDocument doc, IReadOnlyList<string> emails)
    {
        foreach (var e in emails)
        {
            var local = e.Split('@')[0];
            var m = DottedName().Match(local);
            if (!m.Success) continue;
            string first = m.Groups["f"].Value, last = m.Groups["l"].Value;
            bool seen = doc.Lines.Any(l => !l.Contains('@') && WordIn(l, first)) && doc.Lines.Any(l => !l.Contains('@') && WordIn(l, last));
            bool printed = doc.Lines.Take(5).Any(l => l.Trim().Equals(local, StringComparison.OrdinalIgnoreCase));
            if (seen || printed) return Split(Capital(first) + " " + Capital(last));
        }
        return null;
    }

    static bool WordIn(string line, string word)
    {
        int i = line.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return i >= 0 && (i == 0 || !char.IsLetter(line[i - 1])) && (i + word.Length == line.Length || !char.IsLetter(line[i + word.Length]));
    }

    static string Capital(string w) => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + (w.Skip(1).All(char.IsUpper) ? w[1..].ToLowerInvariant() : w[1..]);

    [GeneratedRegex(@"^(?<f>\p{L}{2,20})[._](?<l>\p{L}{2,25})$")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"(?:[\s,]+(?:PMP|RHC[ESAV]A?|RHCSA|CCN[AP]|CCIE|CPA|CFA|CMA|ACCA|CIMA|CISSP|CISA|CISM|CEH|MBA|PhD|Ph\.D\.?|MD|M\.D\.|RN|BSN|MSN|LPN|PE|P\.E\.|P\.Eng|PEng|CSM|CSPO|PMI-ACP|SAFe|ITIL|MCSE|MCSA|MCP|OCP|SHRM-CP|SHRM-SCP|PHR|SPHR|CPHR|CHRP|DDS|JD|J\.D\.|Esq\.?|LLM|MSc|M\.Sc\.?|BSc|B\.Sc\.?|MA|M\.A\.|BA|B\.A\.|MS|BS|Dipl\.-Ing\.?|Dr\.|Jr\.?|Sr\.?|III|II|CCP|CSCP|CPIM|LEED\s+AP|Six\s+Sigma(?:\s+\w+\s+Belt)?|(?:AWS|Azure|Google|Salesforce|Oracle|Cisco|Microsoft)?\s*(?:Certified|CERTIFIED)(?:\s+\w+){0,3}|Certificated|CERTIFICATED)\b\.?)+\s*$")]
    private static partial Regex CredentialTail();

    static PersonName Split(string raw)
    {
        if (raw.All(c => IsCjk(c) || c == ' ')) { var n = raw.Replace(" ", ""); return new PersonName(raw, n.Length > 1 ? n[1..] : null, n[..1]); }
        var tokens = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 1) return new PersonName(raw, tokens[0], null);
        return new PersonName(raw, tokens[0], string.Join(' ', tokens[1..]));
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uAC00' and <= '\uD7AF' or >= '\u3040' and <= '\u30FF';

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
