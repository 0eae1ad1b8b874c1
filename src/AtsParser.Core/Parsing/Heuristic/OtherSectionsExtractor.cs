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
            foreach (var line in Items(doc, s))
            {
                var (text, date) = CutDate(line);
                var parts = text.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) continue;
                string? issuer = parts.Length >= 2 && date is not null ? parts[1] : null;
                var name = date is not null || parts.Length >= 3 ? parts[0] : text;
                // "AWS Certified Security - Specialty, Amazon Web Services (AWS)": the issuer follows the last comma.
                int comma = name.LastIndexOf(", ", StringComparison.Ordinal);
                if (issuer is null && comma > 0 && CertWord().IsMatch(name[..comma]) && name[(comma + 2)..].Split(' ').Length <= 6)
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

    static IEnumerable<string> Items(ResumeDocument doc, Section s)
    {
        var lines = new List<string>();
        if (s.HeadingRest.Length > 0) lines.AddRange(ListItems.Split(s.HeadingRest));
        foreach (var i in s.LineIndexes)
        {
            var t = doc.Lines[i].Trim().TrimStart('•', '●', '▪', '◦', '■', '➢', '►', '✓', '✔', '*', '-', '–', '·').Trim();
            if (t.Length == 0) continue;
            // A line that is only a date belongs to a date column, not an item.
            var ranges = DateParser.FindRanges(t);
            if (ranges.Count > 0 && ranges.Sum(r => r.Length) >= t.Length - 2) continue;
            lines.Add(t);
        }
        return lines;
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

    [GeneratedRegex(@"^[\s,;:\-–|()]+|[\s,;:\-–|()]+$")]
    private static partial Regex Edges();
}
