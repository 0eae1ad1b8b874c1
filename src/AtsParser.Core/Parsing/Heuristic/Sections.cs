using System.Buffers;
using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

public static class SectionKinds
{
    public const string Header = "header", Personal = "personal", Summary = "summary", Experience = "experience", Education = "education",
        Skills = "skills", Languages = "languages", Certifications = "certifications", Projects = "projects", Awards = "awards",
        Interests = "interests", References = "references", Publications = "publications", Other = "other";
}

/// <summary>
/// A run of lines under one heading. Start is the first content line; HeadingRest is whatever followed the heading on its
/// own line ("Skills: Python, Go" or the dates in "EDUCACIÓN (03/2019-EN CURSO)"). Parent is set for a one-line labelled
/// section found inside another section ("Languages: C, C++" inside Skills).
/// </summary>
public sealed record Section(string Kind, int HeadingLine, int Start, int End, string HeadingRest, string? Parent = null)
{
    public IEnumerable<int> LineIndexes => Enumerable.Range(Start, Math.Max(0, End - Start));
}

public static partial class SectionDetector
{
    static readonly Dictionary<string, string> Headings = DataFiles.ReadTsv("headings.tsv")
        .Where(r => r.Length >= 2)
        .GroupBy(r => TextNormalizer.Fold(r[1]))
        .ToDictionary(g => g.Key, g => g.First()[0]);

    static readonly int LongestHeadingWords = Headings.Keys.Max(k => k.Split(' ').Length);

    public static List<Section> Detect(string[] lines)
    {
        var sections = new List<Section>();
        string kind = SectionKinds.Header;
        int headingLine = -1, start = 0;
        string rest = "";
        for (int i = 0; i < lines.Length; i++)
        {
            var h = Heading(lines[i]) ?? OpenExperienceHeading(lines, i);
            if (h is null) continue;
            // "Norhaven Institute of" / "Technology": a line that ends in a connective wraps onto this one.
            if (i > 0 && WrapsOn().IsMatch(lines[i - 1])) continue;
            var (k, after) = h.Value;
            bool inline = after.Length > 0 && !after.StartsWith('(') && !Dates.DateParser.FindRanges(after).Any();
            // Inside a skills list, "Other:- HTML, CSS" or "Tools: Git" are categories of skills, not new sections.
            if (kind == SectionKinds.Skills && k != SectionKinds.Languages && lines[i].Contains(':') && (inline || k is SectionKinds.Skills or SectionKinds.Other)) continue;
            // "学历：本科" inside education, "Berufserfahrung: 8 Jahre" inside experience: a field of the section, not a new one.
            if (inline && k == kind && lines[i].Contains(':')) continue;
            if (inline && kind != SectionKinds.Header && lines[i].Contains(':'))
            {
                // A labelled line inside a section: keep the enclosing section and record the label as a one-line child.
                sections.Add(new Section(kind, headingLine, start, i, rest));
                int end = WrappedEnd(lines, i, after);
                sections.Add(new Section(k, i, i + 1, end, after, kind));
                start = end;
                rest = "";
                i = end - 1;
                continue;
            }
            sections.Add(new Section(kind, headingLine, start, i, rest));
            kind = k; headingLine = i; start = i + 1; rest = after;
        }
        sections.Add(new Section(kind, headingLine, start, lines.Length, rest));
        return sections.Where(s => s.End > s.Start || s.HeadingRest.Length > 0 || s.Kind != SectionKinds.Header).ToList();
    }

    /// <summary>
    /// "CLINICAL EXPERIENCE", "Relevant Sales Experience", "Experiencia docente": a short line naming a kind of experience
    /// the heading list does not hold. It opens an experience section only when a date range follows before the next
    /// heading, within eight lines: the entries' dates are the evidence, so a qualifier from any field works and a
    /// "Sales Experience" item in a list without dates stays an item. "Customer Experience" and the like name a field of
    /// work (a department, a skill), never a section.
    /// </summary>
    static (string Kind, string After)? OpenExperienceHeading(string[] lines, int i)
    {
        var t = lines[i].AsSpan().Trim().TrimEnd(":：").TrimEnd();
        if (t.Length is < 8 or > 40 || !char.IsUpper(t[0]) || (!t.Contains("xp", StringComparison.OrdinalIgnoreCase) && !t.Contains("sperien", StringComparison.OrdinalIgnoreCase))) return null;
        foreach (var c in t) if (!char.IsLetter(c) && c is not (' ' or '&' or '/' or '-')) return null;
        var words = TextNormalizer.Fold(t.ToString()).Split([' ', '&', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("and" or "y" or "e" or "et")).ToArray();
        if (words.Length is < 2 or > 3) return null;
        bool english = words[^1] is "experience" or "experiences";
        bool romance = words[0] is "experience" or "experiences" or "experiencia" or "experiencias" or "esperienza" or "esperienze";
        if (!english && !romance || words.Any(FieldOfWork.Contains)) return null;
        string kind = words.Any(w => w.StartsWith("proje", StringComparison.Ordinal) || w.StartsWith("proye", StringComparison.Ordinal) || w.StartsWith("proge", StringComparison.Ordinal))
            ? SectionKinds.Projects : SectionKinds.Experience;
        for (int j = i + 1; j < lines.Length && j <= i + 8; j++)
        {
            if (Heading(lines[j]) is not null) return null;
            if (Dates.DateParser.FindRanges(lines[j]).Count > 0) return (kind, "");
        }
        return null;
    }

    // "Customer Experience", "User Experience", "Experiencia del cliente": fields of work named with the word.
    static readonly HashSet<string> FieldOfWork = ["customer", "customers", "user", "users", "guest", "patient", "client", "clients", "employee", "candidate",
        "member", "brand", "digital", "cliente", "clientes", "usuario", "usuarios", "utente", "language", "languages"];

    /// <summary>
    /// Where a labelled one-line section ends: its value wrapped onto the next lines when it stops on a comma or a connective
    /// ("Habilidades Informáticas: MS Office, Manejo de" / "Base de Datos, …"), or the next line goes on in lower case.
    /// </summary>
    static int WrappedEnd(string[] lines, int i, string value)
    {
        int end = i + 1;
        bool open = Dangles().IsMatch(value);
        for (int j = i + 1; j < lines.Length && j <= i + 6; j++)
        {
            var t = lines[j].Trim();
            if (t.Length <= 1) continue;
            if (!open && !char.IsLower(t[0]) || Heading(t) is not null) break;
            end = j + 1;
            open = Dangles().IsMatch(t);
        }
        return end;
    }

    [GeneratedRegex(@"(?:,|\s(?:of|and|de|del|da|do|y|e|et|und|in|en|em|&))$", RegexOptions.IgnoreCase)]
    private static partial Regex Dangles();

    /// <summary>The section a line announces, and what follows the heading on the same line; null when it is not a heading.</summary>
    public static (string Kind, string After)? Heading(string line)
    {
        var t = line.Trim();
        if (t.Length == 0) return null;
        // "【工作经验】", "[ Education ]", "《专业技能》": brackets around a heading are decoration.
        if (t.AsSpan().ContainsAny(BracketChars)) t = Brackets().Replace(t, " ").Trim();
        // The noise patterns run only where they can match: a line starting with a letter (not a Roman numeral) has no
        // leading noise, one ending in a letter, a figure or ')' no trailing noise, one without a dash no link label.
        if (t.Length == 0 || !char.IsLetter(t[0]) || t[0] is 'I' or 'V' or 'X') t = LeadingNoise().Replace(t, "");
        if (t.Length == 0) return null;
        string head = t, rest = "";
        int colon = t.AsSpan().IndexOfAny(':', '：');
        if (colon > 0) { head = t[..colon]; rest = t[(colon + 1)..].Trim(); }
        else
        {
            int paren = t.AsSpan().IndexOfAny('(', '（');
            if (paren > 0) { head = t[..paren]; rest = t[paren..].Trim(); }
        }
        if (head.Length > 60 || (colon < 0 && t.Length > 80)) return null;
        if (head.Contains('-')) head = LinkLabel().Replace(head, "");
        if (head.Length > 0 && !char.IsLetter(head[^1]) && !char.IsNumber(head[^1]) && head[^1] != ')') head = TrailingNoise().Replace(head, "");
        var folded = TextNormalizer.Fold(head);
        if (folded.Length == 0) return null;
        // Letter-spaced small caps ("E X P E R I E N C E").
        if (folded.Length > 6 && LetterSpaced(folded) && Headings.TryGetValue(folded.Replace(" ", ""), out var spaced)) return (spaced, rest);
        if (folded.AsSpan().Count(' ') > LongestHeadingWords) return null;
        if (Headings.TryGetValue(folded, out var kind)) return (kind, rest);
        // Roman-numbered headings without a dot ("IV EXPERIENCIA LABORAL").
        var roman = RomanNumber().Match(folded);
        if (roman.Success && Headings.TryGetValue(folded[roman.Length..], out kind)) return (kind, rest);
        return Glossed(folded) is { } glossed ? (glossed, rest) : null;
    }

    // "e x p e r i e n c e": one letter, then a space, and so on.
    static bool LetterSpaced(string folded)
    {
        if (folded.Length % 2 == 0) return false;
        for (int i = 0; i < folded.Length; i++)
            if ((folded[i] == ' ') != (i % 2 == 1)) return false;
        return true;
    }

    /// <summary>
    /// A heading printed with its translation: "工作经验 Work Experience", "Berufserfahrung / Work Experience",
    /// "השכלה | Education". Every part must be a heading of the same section.
    /// </summary>
    static string? Glossed(string folded)
    {
        // Most lines are no heading at all: look for a joint before splitting anything.
        if (!folded.AsSpan().ContainsAny(JointChars) && !folded.AsSpan().ContainsAny(JointWords) && !HasTwoScripts(folded)) return null;
        var parts = GlossSeparator().Split(folded).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count != 2) parts = ScriptBoundary().Split(folded).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 2 && Headings.TryGetValue(parts[0], out var a) && Headings.TryGetValue(parts[1], out var b) && a == b) return a;
        // Two headings joined: "Skills & Expertise", "Kenntnisse und Fähigkeiten", "Formation et certifications": the first one leads.
        parts = Joined().Split(folded).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count == 2 && Headings.TryGetValue(parts[0], out var first) && Headings.ContainsKey(parts[1]) ? first : null;
    }

    static readonly SearchValues<char> BracketChars = SearchValues.Create("【】〔〕［］《》「」[]");

    static readonly SearchValues<char> JointChars = SearchValues.Create("/|／｜&、与和及");

    static readonly SearchValues<string> JointWords = SearchValues.Create([" and ", " und ", " et ", " y ", " e ", " ו"], StringComparison.Ordinal);

    static bool HasTwoScripts(string folded)
    {
        bool latin = false, other = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z') latin = true;
            else if (NameExtractor.IsCjk(c) || c is >= '\u05D0' and <= '\u05EA') other = true;
        }
        return latin && other;
    }

    [GeneratedRegex(@"\s+[/|]\s+|\s*[／｜]\s*")]
    private static partial Regex GlossSeparator();

    [GeneratedRegex(@"\s*&\s*|\s+(?:and|und|et|y|e|ו)\s+|、|与|和|及")]
    private static partial Regex Joined();

    // Between a run of CJK or Hebrew letters and a run of Latin letters, in either order.
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsHebrew}])\s*(?=[a-z])|(?<=[a-z])\s*(?=[\p{IsCJKUnifiedIdeographs}\p{IsHebrew}])")]
    private static partial Regex ScriptBoundary();

    [GeneratedRegex(@"[【】〔〕［］《》「」\[\]]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"^(?:[^\p{L}\p{N}(]+|[0-9]{1,2}[.)]\s+|[IVX]{1,4}[.)]\s+)+")]
    private static partial Regex LeadingNoise();

    [GeneratedRegex(@"\S\s+(?:of|in|and|for|de|del|da|do|em|en|et|und|für|der|des|du|&)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WrapsOn();

    [GeneratedRegex(@"^[ivx]{1,4}\s+")]
    private static partial Regex RomanNumber();

    // A hyperlink label glued to a heading ("Projects -Link").
    [GeneratedRegex(@"\s*-\s*Link\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLabel();

    [GeneratedRegex(@"[^\p{L}\p{N})]+$")]
    private static partial Regex TrailingNoise();
}
