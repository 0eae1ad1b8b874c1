using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Certifications, projects and awards: one item per line or bullet, with a printed date or issuer split off.</summary>
static partial class OtherSectionsExtractor
{
    public static List<Certification> Certifications(ResumeDocument doc)
    {
        var result = new List<Certification>();
        foreach (var s in doc.OfKind(SectionKinds.Certifications))
            foreach (var line in CertificationItems(doc, s).Kept)
            {
                var (text, date) = CutDate(line);
                var parts = text.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) continue;
                string? issuer = parts.Length >= 2 && date is not null ? parts[1] : null;
                var name = date is not null || parts.Length >= 3 ? parts[0] : text;
                // "AWS Certified Security - Specialty, Amazon Web Services (AWS)": the issuer follows the last comma.
                int comma = name.LastIndexOf(", ", StringComparison.Ordinal);
                if (issuer is null && comma > 0 && CertWord().IsMatch(name[..comma]) && TextNormalizer.SpaceParts(name.AsSpan(comma + 2)) <= 6)
                    (name, issuer) = (name[..comma], name[(comma + 2)..]);
                if (name.Length >= 3 && !result.Any(c => c.Name == name)) result.Add(new Certification(name, issuer, date));
            }
        return result;
    }

    public static List<Award> Awards(ResumeDocument doc)
    {
        var result = new List<Award>();
        foreach (var s in doc.OfKind(SectionKinds.Awards))
            foreach (var line in Items(doc, s))
            {
                var (text, date) = CutDate(line);
                if (text.Length >= 3) result.Add(new Award(text, null, date));
            }
        return result;
    }

    public static List<Project> Projects(ResumeDocument doc)
    {
        var result = new List<Project>();
        foreach (var s in doc.OfKind(SectionKinds.Projects))
            foreach (var block in EntrySegmenter.Segment(doc, s))
            {
                var header = block.Header.SelectMany(i => HeaderFragments.From(doc.Lines[i], i, i == block.DateLine ? block.Dates : null)).ToList();
                var name = header.FirstOrDefault()?.Text;
                if (name is null || name.Length < 2) continue;
                var lines = block.Header.Concat(block.Body).Select(i => doc.Lines[i]).ToList();
                var url = lines.Select(l => ContactPatterns.Url().Match(l)).FirstOrDefault(m => m.Success)?.Value;
                var body = block.Body.Select(i => doc.Lines[i].Trim()).ToList();
                result.Add(new Project(name, body.Count > 0 ? string.Join("\n", body) : null, url));
            }
        return result;
    }

    static IEnumerable<string> Items(ResumeDocument doc, Section s) => Paragraphs(doc, s).SelectMany(p => p);

    /// <summary>
    /// A certifications section whose heading of the next list was lost (a column layout, an OCR page): from the first
    /// paragraph after certificates where no item reads as a certificate ("Basic mathematics", "Power BI", "Python"), the
    /// rest is the overrun, handed to skills, not certificates.
    /// </summary>
    public static (List<string> Kept, List<string> Overrun) CertificationItems(ResumeDocument doc, Section s)
    {
        var kept = new List<string>();
        var overrun = new List<string>();
        bool seenCertificate = false;
        foreach (var paragraph in Paragraphs(doc, s))
        {
            bool certificates = paragraph.Any(LooksLikeCertificate);
            if (overrun.Count > 0 || seenCertificate && !certificates && paragraph.Count >= 1 && kept.Count > 0) overrun.AddRange(paragraph);
            else kept.AddRange(paragraph);
            seenCertificate |= certificates;
        }
        return (kept, overrun);
    }

    static bool LooksLikeCertificate(string item) =>
        CertWord().IsMatch(item) || CertEvidence().IsMatch(item) || item.Trim().Length is >= 3 and <= 6 && item.Trim().All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-');

    /// <summary>Items by blank-line paragraph; "A | B | C" lines are split at the bars, a line ending in a connective is joined.</summary>
    static List<List<string>> Paragraphs(ResumeDocument doc, Section s)
    {
        var paragraphs = new List<List<string>> { new() };
        if (s.HeadingRest.Length > 0) paragraphs[0].AddRange(ListItems.Split(s.HeadingRest));
        string? open = null;
        // A bulleted list: a short line without a bullet right after an item is that item wrapped ("• Scrum Master" /
        // "Certificado", a narrow column), not an item of its own.
        bool bulletedList = s.LineIndexes.Count(i => EntrySegmenter.IsBullet(doc.Lines[i].Trim())) >= 2;
        bool lastBulleted = false;
        foreach (var i in s.LineIndexes)
        {
            var raw = doc.Lines[i].Trim();
            var t = raw.TrimStart('•', '●', '▪', '◦', '■', '➢', '►', '✓', '✔', '*', '-', '–', '·').Trim();
            if (t.Length == 0) { lastBulleted = false; if (paragraphs[^1].Count > 0 && open is null) paragraphs.Add([]); continue; }
            bool bulleted = EntrySegmenter.IsBullet(raw);
            if (bulletedList && !bulleted && lastBulleted && open is null && paragraphs[^1].Count > 0 && ListItems.WrappedItemTail(t))
            {
                paragraphs[^1][^1] += " " + t;
                continue;
            }
            lastBulleted = bulleted;
            // A line that is only a date belongs to a date column, not an item.
            var ranges = DateParser.FindRanges(t);
            if (ranges.Count > 0 && ranges.Sum(r => r.Length) >= t.Length - 2) continue;
            if (open is not null) { t = open + " " + t; open = null; }
            if (Dangling().IsMatch(t)) { open = t; continue; }
            if (t.Contains(" | ") || t.EndsWith(" |")) paragraphs[^1].AddRange(t.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            else paragraphs[^1].Add(t);
        }
        if (open is not null) paragraphs[^1].Add(open);
        return paragraphs.Where(p => p.Count > 0).ToList();
    }

    static (string Text, PartialDate? Date) CutDate(string line)
    {
        var ranges = DateParser.FindRanges(line);
        if (ranges.Count == 0) return (line.Trim(), null);
        var r = ranges[^1];
        var text = (line[..r.Index] + line[(r.Index + r.Length)..]).Trim();
        text = Edges().Replace(text, "").Trim();
        return (text, r.End ?? r.Start);
    }

    [GeneratedRegex(@"(?i)certifi|zertifi|certificad|certifica[çc]|licen[cs]e")]
    private static partial Regex CertWord();

    // Levels, codes and issuers' words that mark a certificate: "Nivel Básico", "B1V", "NR-11", "AZ-900", "(CPA)", "Scrum Master".
    [GeneratedRegex(@"(?i:\b(?:level|nivel|niveau|stufe|associate|professional|practitioner|foundation|master|expert|specialist|diploma|license|licence|course|curso|cours|kurs|training|exam|habilitation|pr[uü]fung)\b)|\b[A-Z]{1,4}-?\d{1,4}[A-Z]?\b|\([A-Z]{2,}\)")]
    private static partial Regex CertEvidence();

    [GeneratedRegex(@"\s(?:of|in|and|for|de|del|da|do|em|en|et|und|für|der|des|du|&)$", RegexOptions.IgnoreCase)]
    private static partial Regex Dangling();

    [GeneratedRegex(@"^[\s,;:\-–|()]+|[\s,;:\-–|()]+$")]
    private static partial Regex Edges();
}
