using System.Text.RegularExpressions;
using AtsParser.Core.Extraction;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Document hints as evidence for the name, never as truth. A paragraph styled Title that looks like a name picks the
/// line it stands on. A property (author, last editor, title) is often a template's, a recruiter's or the file's name:
/// it counts only when it looks like a person's name (no company word) and the text confirms it (all its words among
/// the first lines, before experience or education)
/// or the e-mail does (the last name and the first name or its initial in the local part). Subtitle is usually the job
/// title and is no evidence.
/// </summary>
static partial class NameExtractor
{
    const int FirstLines = 20;

    /// <summary>A Title-styled name printed as a line before experience or education, or a confirmed property printed as a header line.</summary>
    static (PersonName, int)? FromHints(ResumeDocument doc, IReadOnlyList<string> emails, IReadOnlyList<DocumentHint> hints)
    {
        if (hints.Count == 0) return null;
        var lines = doc.Lines;
        foreach (var styled in StyledNames(hints))
            for (int i = 0; i < lines.Length && i < 60; i++)
            {
                if (doc.KindOf(i) is SectionKinds.Experience or SectionKinds.Education or SectionKinds.References) break;
                if (PrintedAt(lines, i, styled) is { } printed) return (Split(printed), i);
            }
        var confirmed = PropertyNames(doc, emails, hints).ToList();
        if (confirmed.Count == 0) return null;
        int seen = 0;
        for (int i = 0; i < lines.Length && seen < 10; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            if (doc.KindOf(i) != SectionKinds.Header || doc.IsHeading(i)) break;
            seen++;
            foreach (var name in confirmed)
                if (PrintedAt(lines, i, name) is { } printed) return (Split(printed), i);
        }
        return null;
    }

    /// <summary>When the text gives no name: a property name the text or the e-mail confirms, on the line its last name is printed on (if any).</summary>
    static (PersonName, int)? FromProperties(ResumeDocument doc, IReadOnlyList<string> emails, IReadOnlyList<DocumentHint> hints)
    {
        foreach (var name in PropertyNames(doc, emails, hints))
        {
            var last = TextNormalizer.Fold(name.Split(' ')[^1]);
            int line = Array.FindIndex(doc.Lines, l => HasWord(TextNormalizer.Fold(l), last));
            return (Split(name), line);
        }
        return null;
    }

    /// <summary>Title-styled paragraphs that look like a name, cleaned as a line is ("JANE DOE RHCE Certified" gives "JANE DOE").</summary>
    static IEnumerable<string> StyledNames(IReadOnlyList<DocumentHint> hints) =>
        hints.Where(h => h.Kind == DocumentHints.TitleStyle).Select(h => Clean(h.Text))
            .Where(n => n is not null && (LooksLikeName(n, allowSingle: false) || LowerCaseName(n)) && JobTitles.CompanyScore(n) == 0).Select(n => n!).Distinct();

    static IEnumerable<string> PropertyNames(ResumeDocument doc, IReadOnlyList<string> emails, IReadOnlyList<DocumentHint> hints)
    {
        string? top = null;
        foreach (var h in hints)
        {
            if (h.Kind is not (DocumentHints.AuthorProperty or DocumentHints.EditorProperty or DocumentHints.TitleProperty)) continue;
            if (PropertyName(h) is not { } name) continue;
            top ??= TopLines(doc);
            var words = TextNormalizer.Fold(name).Split(' ').Where(w => w.Length >= 2).ToList();
            if ((words.Count >= 2 && words.All(w => HasWord(top, w))) || EmailConfirms(emails, words)) yield return name;
        }
    }

    /// <summary>"Doe, Jane" as "Jane Doe"; a title property "Jane_Doe_Resume_2024.docx" as "Jane Doe"; null unless it looks like a person's name.</summary>
    static string? PropertyName(DocumentHint h)
    {
        var t = h.Text;
        if (h.Kind == DocumentHints.TitleProperty)
        {
            t = FileExtension().Replace(PrintedFrom().Replace(t, ""), "").Replace('_', ' ');
            t = string.Join(' ', t.Split([' ', '-', '–', '|', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !w.Any(char.IsDigit) && !NotNames.Contains(TextNormalizer.Fold(w)) && !TextNormalizer.Fold(w).Equals("vitae", StringComparison.Ordinal)));
        }
        var family = FamilyFirst().Match(t.Trim());
        if (family.Success) t = family.Groups["f"].Value + " " + family.Groups["l"].Value;
        var name = Clean(t);
        return name is not null && LooksLikeName(name, allowSingle: false) && TextNormalizer.SpaceParts(name) <= 4 && JobTitles.CompanyScore(name) == 0 ? name : null;
    }

    /// <summary>The first lines with text, up to the first experience, education or references section (folded).</summary>
    static string TopLines(ResumeDocument doc)
    {
        var top = new List<string>();
        for (int i = 0; i < doc.Lines.Length && top.Count < FirstLines; i++)
        {
            if (doc.KindOf(i) is SectionKinds.Experience or SectionKinds.Education or SectionKinds.References) break;
            if (doc.Lines[i].Trim().Length > 0) top.Add(doc.Lines[i]);
        }
        return TextNormalizer.Fold(string.Join(' ', top));
    }

    /// <summary>The local part holds the last name and the first name or its initial ("jane.doe", "jdoe", "doe.jane"), or the first name and the last initial.</summary>
    static bool EmailConfirms(IReadOnlyList<string> emails, List<string> words)
    {
        if (words.Count < 2) return false;
        string first = words[0], last = words[^1];
        foreach (var e in emails)
        {
            var local = new string(TextNormalizer.Fold(e.Split('@')[0]).Where(char.IsLetter).ToArray());
            bool hasFirst = first.Length >= 3 && local.Contains(first, StringComparison.Ordinal);
            bool hasLast = last.Length >= 3 && local.Contains(last, StringComparison.Ordinal);
            if (hasFirst && hasLast) return true;
            if (hasLast && (local.StartsWith(first[0]) || local.EndsWith(first[0]))) return true;
            if (hasFirst && first.Length >= 4 && local.StartsWith(first, StringComparison.Ordinal) && local.Length == first.Length + 1 && local[^1] == last[0]) return true;
        }
        return false;
    }

    /// <summary>The name as printed on line i (cleaned), or on lines i and i+1 when a break splits it; null when the line holds something else.</summary>
    static string? PrintedAt(string[] lines, int i, string name)
    {
        var want = TextNormalizer.Fold(name);
        if (Clean(lines[i]) is { } one && TextNormalizer.Fold(one) == want) return one;
        if (i + 1 < lines.Length && Clean(lines[i] + " " + lines[i + 1]) is { } two && TextNormalizer.Fold(two) == want) return two;
        return null;
    }

    static bool HasWord(string text, string word)
    {
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
            if ((i == 0 || !char.IsLetter(text[i - 1])) && (i + word.Length == text.Length || !char.IsLetter(text[i + word.Length]))) return true;
        return false;
    }

    // "Microsoft Word - Jane_Doe_CV.docx": the title a PDF printer gives the file.
    [GeneratedRegex(@"(?i)^\s*Microsoft\s+(?:Word|Office\s+Word|PowerPoint)\s+-\s+")]
    private static partial Regex PrintedFrom();

    [GeneratedRegex(@"(?i)\.(?:docx?|pdf|odt|rtf|txt|pages)$|[ _](?:docx?|pdf|odt|rtf)$")]
    private static partial Regex FileExtension();
}
