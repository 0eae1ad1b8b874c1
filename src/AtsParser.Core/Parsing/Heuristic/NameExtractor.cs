using System.Text.RegularExpressions;
using AtsParser.Core.Extraction;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// The candidate's name: a "Name:" label in the header or personal details (never a father's or referee's), or the value
/// at the "Name" label's position when a column of labels is followed by a column of values; else the first name-shaped
/// line at the top, with a job-portal label glued to it removed (a name printed in lower case only when a headline or the
/// e-mail confirms it); else a name-shaped line further down, before any experience or education, that a headline and a
/// place right after it, or the e-mail's local part, confirm (a sidebar of contact data and skills printed first).
/// Document hints (a Title-styled paragraph, confirmed author or title properties) steer the choice: NameExtractor.Hints.cs.
/// </summary>
static partial class NameExtractor
{
    static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "curriculum vitae", "curriculum", "resume", "cv", "lebenslauf", "hoja de vida", "curriculo", "biodata", "bio data",
        "resume of", "curriculum vitae of", "cv of", "biodata of", "profile of", "קורות חיים", "简历", "个人简历", "履历", "profile", "contact", "page",
        // Link and contact labels printed alone on a line of the header (the link's target is the address).
        "linkedin", "github", "gitlab", "xing", "twitter", "portfolio", "website", "homepage", "blog", "behance", "dribbble",
        "stackoverflow", "email", "e-mail", "phone", "mobile", "whatsapp", "skype",
    };

    static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "bin", "binti", "al", "el", "y", "e",
    };

    public static (PersonName? Name, int Line) Extract(ResumeDocument doc, IReadOnlyList<string> emails, IReadOnlyList<DocumentHint>? hints = null)
    {
        hints ??= [];
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!doc.InContactZone(i) || ContactPatterns.RelativeLabel().IsMatch(lines[i])) continue;
            var m = ContactPatterns.NameLabel().Match(lines[i]);
            if (!m.Success) m = ContactPatterns.NameLabelAfter().Match(lines[i]);
            if (m.Success && Clean(m.Groups["v"].Value) is { } labelled && LooksLikeName(labelled, allowSingle: true)) return (Split(labelled), i);
        }
        if (FromLabelColumn(doc) is { } column) return column;
        if (FromHints(doc, emails, hints) is { } hinted) return hinted;
        int seen = 0;
        for (int i = 0; i < lines.Length && seen < 10; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            if (doc.KindOf(i) != SectionKinds.Header || doc.IsHeading(i)) break;
            seen++;
            var candidate = Clean(lines[i]);
            if (candidate is null) continue;
            if (LooksLikeName(candidate, allowSingle: false)) return EmailTieBreak(doc, emails, candidate, i);
            // "Holloway, Maren" / "HOLLOWAY, MAREN": the family name first, as forms and exports print it.
            if (seen == 1 && FamilyFirst().Match(candidate) is { Success: true } ff && !LocationExtractor.IsPlace(candidate)
                && ff.Groups["f"].Value + " " + ff.Groups["l"].Value is var swapped && LooksLikeName(swapped, allowSingle: false))
                return (new PersonName(swapped, ff.Groups["f"].Value, ff.Groups["l"].Value), i);
            if (seen == 1 && LowerCaseName(candidate) && (EmailNames(emails, candidate) || HeadlineAt(doc, NextNonEmpty(lines, i))))
                return (Split(candidate), i);
            // A name printed over two lines ("CHRISTIAN" / "LARICO DEPAZ").
            int next = NextNonEmpty(lines, i);
            if (next > 0 && doc.KindOf(next) == SectionKinds.Header && LooksLikeName(candidate, allowSingle: true)
                && Clean(lines[next]) is { } second && LooksLikeName(candidate + " " + second, allowSingle: false) && TextNormalizer.SpaceParts(second) <= 3)
                return (Split(candidate + " " + second), i);
        }
        var confirmed = Confirmed(doc, emails);
        return confirmed.Item1 is null && FromProperties(doc, emails, hints) is { } property ? property : confirmed;
    }

    /// <summary>
    /// A column of labels followed by a column of values ("Name / Geburtsdatum / Familienstand", a blank line, then
    /// "Max Muster / 01.01.1980 / ledig"): a two-column table read column by column. The value at the name label's
    /// position is the name.
    /// </summary>
    static (PersonName, int)? FromLabelColumn(ResumeDocument doc)
    {
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length && i < 80; i++)
        {
            if (!BareNameLabel().IsMatch(lines[i]) || ContactPatterns.RelativeLabel().IsMatch(lines[i])) continue;
            int first = i, last = i;
            while (first > 0 && !doc.IsHeading(first - 1) && IsLabel(lines[first - 1])) first--;
            while (last + 1 < lines.Length && !doc.IsHeading(last + 1) && IsLabel(lines[last + 1])) last++;
            if (last == first) continue;
            int v = last + 1;
            while (v < lines.Length && lines[v].Trim().Trim(':').Length == 0) v++;
            if (v == last + 1) continue;
            int at = v + (i - first);
            if (at >= lines.Length || Enumerable.Range(v, at - v + 1).Any(k => lines[k].Trim().Length == 0)) continue;
            if (Clean(lines[at]) is { } value && LooksLikeName(value, allowSingle: true)) return (Split(value), at);
        }
        return null;
    }

    static bool IsLabel(string line)
    {
        var t = line.Trim().TrimEnd(':', '：').Trim();
        return t.Length is >= 2 and <= 40 && !t.Any(char.IsDigit) && !t.Contains('@') && TextNormalizer.SpaceParts(t) <= 4
            && (BareNameLabel().IsMatch(t) || char.IsUpper(t[0]) || t.Any(IsCjk));
    }

    /// <summary>"ravi kumar": two or three lower-case words, none of them a title word.</summary>
    static bool LowerCaseName(string s)
    {
        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length is 2 or 3 && tokens.All(t => t.Length >= 2 && t.All(char.IsLower) && !JobTitles.IsTitleWord(t))
            && !NotNames.Contains(TextNormalizer.Fold(s)) && SectionDetector.Heading(s) is null;
    }

    /// <summary>A line naming a job: a title word among its first words.</summary>
    static bool HeadlineAt(ResumeDocument doc, int line) => line >= 0 && !doc.IsHeading(line) && NamesAJob(doc.Lines[line]);

    public static bool NamesAJob(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).Any(JobTitles.IsTitleWord);

    /// <summary>An e-mail's local part holds one of the name's words of three letters or more ("jsmith" for "Jordan Smith").</summary>
    static bool EmailNames(IReadOnlyList<string> emails, string name)
    {
        var words = TextNormalizer.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToList();
        return emails.Any(e => TextNormalizer.Fold(e.Split('@')[0]) is var local && words.Any(w => local.Contains(w, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The e-mail as tie-breaker for the first name-shaped line: when the e-mail shares no word with it ("Porto Alegre",
    /// a sidebar's place read before the name) but names another name-shaped line before experience or education, that
    /// line is the name.
    /// </summary>
    static (PersonName?, int) EmailTieBreak(ResumeDocument doc, IReadOnlyList<string> emails, string candidate, int line)
    {
        if (emails.Count == 0 || EmailNames(emails, candidate)) return (Split(candidate), line);
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length && i < 60; i++)
        {
            if (doc.KindOf(i) is SectionKinds.Experience or SectionKinds.Education or SectionKinds.References) break;
            if (i == line || doc.IsHeading(i) || Clean(lines[i]) is not { } other || !LooksLikeName(other, allowSingle: false)) continue;
            if (TextNormalizer.WordCount(other) <= 4 && EmailNames(emails, other)) return (Split(other), i);
        }
        return (Split(candidate), line);
    }

    /// <summary>
    /// A name below a sidebar (contact data, skills and languages printed before it, as profile exports do): a
    /// name-shaped line before the first experience or education section, confirmed by a headline and a place within
    /// the next three lines, or by the e-mail. Without that evidence a name-shaped skill ("Google Analytics") is no name.
    /// </summary>
    static (PersonName?, int) Confirmed(ResumeDocument doc, IReadOnlyList<string> emails)
    {
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length && i < 60; i++)
        {
            if (doc.KindOf(i) is SectionKinds.Experience or SectionKinds.Education or SectionKinds.References) break;
            if (doc.IsHeading(i) || Clean(lines[i]) is not { } candidate || !LooksLikeName(candidate, allowSingle: false)) continue;
            if (TextNormalizer.WordCount(candidate) > 4) continue;
            var next = Enumerable.Range(i + 1, Math.Max(0, Math.Min(3, lines.Length - i - 1))).Where(k => lines[k].Trim().Length > 0).ToList();
            bool headlineAndPlace = next.Any(k => HeadlineAt(doc, k)) && next.Any(k => LocationExtractor.IsPlace(lines[k].Trim()));
            if (headlineAndPlace || EmailNames(emails, candidate)) return (Split(candidate), i);
        }
        return (null, -1);
    }

    [GeneratedRegex(@"^\s*(?:full\s+name|name|candidate\s+name|nombre(?:\s+completo)?|nombres(?:\s+y\s+apellidos)?|nom|nom\s+complet|nome(?:\s+completo)?|vor-?\s*und\s+nachname|姓名|名字|שם(?:\s+מלא)?)\s*[:：]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    private static partial Regex BareNameLabel();

    static int NextNonEmpty(string[] lines, int i)
    {
        for (int j = i + 1; j < lines.Length && j < i + 3; j++) if (lines[j].Trim().Length > 0) return j;
        return -1;
    }

    internal static string? Clean(string line) => (cleaned ??= new()).Get(line, ComputeClean);

    // The name search reads the header lines several times (labels, hints, the e-mail tie-break, confirmation).
    [ThreadStatic] static ParseMemo.Cache<string?>? cleaned;

    internal static string? ComputeClean(string line)
    {
        // Each pattern runs only where what it cannot match without is (ParserFastPathTests): a glued portal label, the '/'
        // of pronouns, a comma or dash before a page or document word, an honorific's dot, a separator before a headline,
        // the dot or underscore of "John.Smith".
        var t = line.Trim();
        if (t.AsSpan().ContainsAny(GluedLabelWords)) t = ContactPatterns.GluedLabel().Replace(t, " ");
        // "Jordan Ellery (she/her)": pronouns printed after the name are not part of it.
        if (t.Contains('/')) t = Pronouns().Replace(t, " ");
        // A page header's "Jane Roe, page 2", "Jane Roe – Resume", "Jane Roe | CV": the page and document words are not the name.
        if (t.AsSpan().ContainsAny(TailSeparators)) t = PageOrDocumentTail().Replace(t, "");
        // "Dr. Helena Marquardt", "Prof. Dr. Jan Roth": a title of address before the name is not part of it.
        var addressed = t.Contains('.') ? Honorific().Replace(t, "") : t;
        if (addressed.Contains(' ')) t = addressed;
        t = ContactPatterns.PortalSuffix().Replace(t, "");
        t = TextNormalizer.CollapseWhitespace(t).Trim(' ', ',', ';', '|', '-', '–', '•', '·');
        // "Kofi Mensah-Boateng | Data Engineer", "Ana Ruiz — ana@example.org": the name before a headline or contact data.
        var headed = t.AsSpan().ContainsAny(HeadlineSeparators) ? NameThenMore().Match(t) : null;
        if (headed is { Success: true } && (NamesAJob(headed.Groups["r"].Value) || headed.Groups["r"].Value.Any(c => char.IsDigit(c) || c == '@')))
            t = headed.Groups["n"].Value.Trim();
        // "Jane Doe RHCE Certified", "Priya Nair, PMP", "Max Muster, M.Sc.": credentials after a name are not the name.
        var cut = CredentialTail().Replace(t, "");
        if (cut.Length >= 3 && cut.Contains(' ')) t = cut;
        // "John.Smith" printed as the name.
        var dotted = t.AsSpan().ContainsAny('.', '_') ? DottedName().Match(t) : null;
        if (dotted is { Success: true }) t = Capital(dotted.Groups["f"].Value) + " " + Capital(dotted.Groups["l"].Value);
        return t.Length is >= 2 and <= 60 ? t : null;
    }

    internal static readonly System.Buffers.SearchValues<string> GluedLabelWords = System.Buffers.SearchValues.Create(["Featured", "Premium", "Resume", "CV"], StringComparison.Ordinal);
    internal static readonly System.Buffers.SearchValues<char> TailSeparators = System.Buffers.SearchValues.Create(",|–—•·-");
    internal static readonly System.Buffers.SearchValues<char> HeadlineSeparators = System.Buffers.SearchValues.Create("|–—•·");

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
    internal static partial Regex DottedName();

    [GeneratedRegex(@"(?:[\s,–—]+(?:PMP|RHC[ESAV]A?|RHCSA|CCN[AP]|CCIE|CPA|CFA|CMA|ACCA|CIMA|CISSP|CISA|CISM|CEH|MBA|PhD|Ph\.D\.?|MD|M\.D\.|RN|BSN|MSN|LPN|PE|P\.E\.|P\.Eng|PEng|CSM|CSPO|PMI-ACP|SAFe|ITIL|MCSE|MCSA|MCP|OCP|SHRM-CP|SHRM-SCP|PHR|SPHR|CPHR|CHRP|DDS|JD|J\.D\.|Esq\.?|LLM|MSc|M\.Sc\.?|BSc|B\.Sc\.?|MA|M\.A\.|BA|B\.A\.|MS|BS|Dipl\.-Ing\.?|Dr\.|Jr\.?|Sr\.?|III|II|CCP|CSCP|CPIM|LEED\s+AP|Six\s+Sigma(?:\s+\w+\s+Belt)?|(?:AWS|Azure|Google|Salesforce|Oracle|Cisco|Microsoft)?\s*(?:Certified|CERTIFIED)(?:\s+\w+){0,3}|Certificated|CERTIFICATED)\b\.?)+\s*$")]
    private static partial Regex CredentialTail();

    static PersonName Split(string raw)
    {
        if (raw.All(c => IsCjk(c) || c == ' ')) { var n = raw.Replace(" ", ""); return new PersonName(raw, n.Length > 1 ? n[1..] : null, n[..1]); }
        var tokens = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 1) return new PersonName(raw, tokens[0], null);
        return new PersonName(raw, tokens[0], string.Join(' ', tokens[1..]));
    }

    /// <summary>Any CJK letter (see IsCjk): a vectorised search for anything from U+3040 up first, as most text has none.</summary>
    public static bool HasCjk(ReadOnlySpan<char> s)
    {
        for (int i = s.IndexOfAnyInRange('\u3040', '\uD7AF'); i >= 0 && i < s.Length; i++)
            if (IsCjk(s[i])) return true;
        return false;
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uAC00' and <= '\uD7AF' or >= '\u3040' and <= '\u30FF';

    [GeneratedRegex(@"(?:[\(\[]\s*(?:she|he|they|ze|xe|ela|ele|elle|il|ella|él|sie|er)\s*/\s*\p{L}+(?:\s*/\s*\p{L}+)?\s*[\)\]]|\s*[,|·–—]\s*(?:she|he|they|ze|xe)\s*/\s*(?:her|him|them|hers|his|theirs|zir|xem)(?:\s*/\s*\p{L}+)?\s*$)", RegexOptions.IgnoreCase)]
    internal static partial Regex Pronouns();

    [GeneratedRegex(@"(?:[\s,]*(?:\s[|–—•·-]\s|,)\s*(?:(?:page|seite|página|pagina|p\.)\s*\d+(?:\s*(?:of|/|von|de|sur)\s*\d+)?|resume|résumé|cv|curriculum\s+vitae|lebenslauf))+\s*$", RegexOptions.IgnoreCase)]
    internal static partial Regex PageOrDocumentTail();

    [GeneratedRegex(@"^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Dipl\.-Ing)\.\s*)+", RegexOptions.IgnoreCase)]
    internal static partial Regex Honorific();

    [GeneratedRegex(@"^(?<l>(?:\p{L}+\s){0,2}[\p{L}'’-]{2,}),\s*(?<f>[\p{L}'’-]{2,}(?:\s[\p{L}'’-]+\.?)?)$")]
    private static partial Regex FamilyFirst();

    [GeneratedRegex(@"^(?<n>[^|–—•·,]{3,50}?)\s+[|–—•·]\s+(?<r>.+)$")]
    internal static partial Regex NameThenMore();
}
