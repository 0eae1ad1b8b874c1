using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Schools from education sections. Header fragments are degrees (degrees data file), institutions (school words),
/// grades (GPA, %, honours) or places; a second degree or institution in one block starts a new entry, so stacked
/// "School / Degree / School / Degree" blocks without dates still give two entries.
/// </summary>
static partial class EducationExtractor
{
    sealed class Draft
    {
        public string? Degree, Institution, Grade, Location, Field;
        public Dates.DateRange? Dates;
        public List<int> Lines = [];
    }

    public static List<Education> Extract(ResumeDocument doc)
    {
        var result = new List<Education>();
        foreach (var section in doc.OfKind(SectionKinds.Education))
        {
            var blocks = EntrySegmenter.Segment(doc, section);
            var headingDates = Dates.DateParser.FindRanges(section.HeadingRest, doc.RightToLeft);
            foreach (var block in blocks)
            {
                var drafts = new List<Draft>();
                var current = new Draft();
                var unknown = new List<string>();
                foreach (var (line, i) in EntrySegmenter.Joined(doc, block.Header.Concat(block.Body.Take(2)), block.DateLine))
                {
                    bool isDateLine = i == block.DateLine;
                    foreach (var f in HeaderFragments.From(line, i, isDateLine ? block.Dates : null).SelectMany(Parts))
                    {
                        var text = LevelPrefix().Replace(GradeSuffix().Replace(f.Text, "").Trim(), "").Trim().TrimEnd(',');
                        if (text.EndsWith(" in", StringComparison.Ordinal)) text = text[..^3];
                        if (text.Length < f.Text.Length && GradeSuffix().IsMatch(f.Text)) current.Grade ??= GradeSuffix().Match(f.Text).Value.Trim(' ', '-', '–', ',');
                        if (FieldLabels.Match(text) is { } label)
                        {
                            if (label.Kind == FieldLabels.Ignore) continue;
                            if (label.Kind == FieldLabels.Field) current.Field ??= label.Value;
                            else if (label.Kind == FieldLabels.Institution)
                            {
                                if (current.Institution is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                                current.Institution = label.Value;
                            }
                            else if (label.Kind == FieldLabels.Degree)
                            {
                                if (current.Degree is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                                current.Degree = label.Value;
                            }
                            if (label.Kind is FieldLabels.Field or FieldLabels.Institution or FieldLabels.Degree) { current.Lines.Add(i); continue; }
                        }
                        if (FieldLabels.IsBareLabel(text)) continue;
                        // "B.Tech/B.E. (Computers) from Lovely Professional University (LPU)"
                        var from = DegreeFrom().Match(text);
                        // "de", "à", "na" also join a degree to its field ("Administración de Empresas"): there the school must show.
                        if (from.Success && DegreeLevelClassifier.IsDegree(from.Groups["d"].Value)
                            && (from.Groups["w"].Value is "from" or "at" or "@" or "von" || DegreeLevelClassifier.IsInstitution(from.Groups["i"].Value) && !DegreeLevelClassifier.IsDegree(from.Groups["i"].Value)))
                        {
                            if (current.Degree is not null || current.Institution is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                            current.Degree = from.Groups["d"].Value.Trim();
                            current.Institution = from.Groups["i"].Value.Trim();
                            current.Lines.Add(i);
                            continue;
                        }
                        if (f.Label == HeaderFragments.LocationLabel) { current.Location ??= f.Text; continue; }
                        if (text.Length == 0) continue;
                        if (Grade().IsMatch(text) && !DegreeLevelClassifier.IsDegree(text)) { current.Grade ??= text; continue; }
                        bool degree = DegreeLevelClassifier.IsDegree(text), school = DegreeLevelClassifier.IsInstitution(text);
                        if (school && (!degree || text.Contains("school", StringComparison.OrdinalIgnoreCase) && current.Institution is null && current.Degree is not null))
                        {
                            if (current.Institution is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                            current.Institution = text;
                        }
                        else if (degree)
                        {
                            if (current.Degree is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                            current.Degree = text;
                        }
                        else if (block.Header.Contains(i)) unknown.Add(text);
                        current.Lines.Add(i);
                    }
                    if (isDateLine) current.Dates ??= block.Dates;
                }
                drafts.Add(Close(current, unknown));
                var kept = drafts.Where(d => d.Degree is not null || d.Institution is not null).ToList();
                if (kept.Count > 0 && kept.All(d => d.Dates is null)) kept[0].Dates = block.Dates ?? (blocks.Count == 1 ? headingDates.FirstOrDefault() : null);
                result.AddRange(kept.Select(d => ToEducation(doc, d)));
            }
        }
        return result;
    }

    /// <summary>
    /// "B.Sc. Computer Science, University of Leeds, Leeds" and "Grado en X, Universidad de Sevilla, Sevilla": a comma list
    /// holding both a degree and a school is cut into its parts; a short capitalised part after the school is its city.
    /// </summary>
    static IEnumerable<Fragment> Parts(Fragment f)
    {
        if (f.Label is not null || !f.Text.Contains(", ")) return [f];
        var parts = f.Text.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int school = Array.FindIndex(parts, DegreeLevelClassifier.IsInstitution);
        int degree = Array.FindIndex(parts, p => DegreeLevelClassifier.IsDegree(p) && !DegreeLevelClassifier.IsInstitution(p));
        if (school >= 0 && degree < 0) return SchoolThenPlace(f, parts, school);
        if (school < 0 || degree < 0) return [f];
        // "Distance Learning from Mumbai University": the school is what follows "from"/"at".
        var inner = SchoolAfter().Match(parts[school]);
        if (inner.Success && DegreeLevelClassifier.IsInstitution(inner.Groups["i"].Value)) parts[school] = inner.Groups["i"].Value.Trim();
        var result = new List<Fragment>();
        for (int k = 0; k < parts.Length; k++)
        {
            bool place = k > school && k > degree && IsPlaceName(parts[k]);
            if (place) result.Add(new Fragment(parts[k], HeaderFragments.LocationLabel, f.Line));
            else if (k > 0 && k != school && k != degree && k - 1 != school && result.Count > 0 && result[^1].Label is null && !Grade().IsMatch(parts[k]))
                result[^1] = result[^1] with { Text = result[^1].Text + ", " + parts[k] }; // "Master, Computer Science" stays one degree
            else result.Add(new Fragment(parts[k], null, f.Line));
        }
        return result;
    }

    /// <summary>
    /// "Universidade de Dorópolis, Marópolis", "IUT de Solcourt, Karac": short capitalised parts after the school are its
    /// place, unless the whole line is a university the vocabulary knows by that name.
    /// </summary>
    static IEnumerable<Fragment> SchoolThenPlace(Fragment f, string[] parts, int school)
    {
        if (school == parts.Length - 1 || OpenVocabulary.IsUniversity(f.Text)) return [f];
        var tail = parts[(school + 1)..];
        if (!tail.All(IsPlaceName)) return [f];
        return [new Fragment(string.Join(", ", parts[..(school + 1)]), null, f.Line), new Fragment(string.Join(", ", tail), HeaderFragments.LocationLabel, f.Line)];
    }

    static bool IsPlaceName(string part)
    {
        var words = part.Split(' ');
        return words.Length <= 3 && !part.Any(char.IsDigit) && words.All(w => w.Length > 1 && char.IsUpper(w[0]))
            && !DegreeLevelClassifier.IsDegree(part) && !DegreeLevelClassifier.IsInstitution(part) || Geo.CountryNamed(part) is not null || Geo.StateCountry(part) is not null;
    }

    static Draft Close(Draft d, List<string> unknown)
    {
        foreach (var u in unknown.Where(u => u.Length > 2 && !u.EndsWith(':')))
        {
            if (d.Institution is null) d.Institution = u;
            else if (d.Degree is null) d.Degree = u;
        }
        return d;
    }

    static Education ToEducation(ResumeDocument doc, Draft d)
    {
        string? field = d.Field;
        if (d.Degree is not null)
        {
            var m = FieldOfStudy().Match(d.Degree);
            if (m.Success) field ??= m.Groups["f"].Value.Trim();
        }
        var evidence = string.Join("\n", d.Lines.Distinct().Order().Select(i => doc.Lines[i].Trim()));
        // Evidence per part: a degree word / a school word or known university counts fully, anything else a little.
        // Capped at 0.85: with degree, school and dates all recognised the corpus keys matched only 11 of 15 exactly.
        double confidence = 0.1
            + (d.Degree is null ? 0 : DegreeLevelClassifier.IsDegree(d.Degree) && ExperienceExtractor.WellFormed(d.Degree) ? 0.3 : 0.1)
            + (d.Institution is null ? 0 : DegreeLevelClassifier.IsInstitution(d.Institution) && ExperienceExtractor.WellFormed(d.Institution) ? 0.3 : 0.1)
            + (d.Dates is not null ? 0.15 : 0);
        return new Education
        {
            Institution = d.Institution,
            Degree = d.Degree,
            DegreeLevel = DegreeLevelClassifier.Level(d.Degree) ?? (d.Degree is null ? null : DegreeLevels.Other),
            FieldOfStudy = field,
            Start = d.Dates?.Start == d.Dates?.End ? null : d.Dates?.Start,
            End = d.Dates?.End,
            Grade = d.Grade,
            Evidence = evidence.Length > 0 ? evidence : null,
            Confidence = Math.Round(confidence, 2),
        };
    }

    [GeneratedRegex(@"^.{2,80}?\s+(?:from|at)\s+(?<i>.{3,100})$")]
    private static partial Regex SchoolAfter();

    [GeneratedRegex(@"^(?<d>.{2,80}?)\s+(?<w>from|at|@|von|de la|de|à|na|no)\s+(?<i>.{3,100})$")]
    private static partial Regex DegreeFrom();

    // Portal level labels ahead of a degree ("UG:", "PG:", "Doctorate:").
    [GeneratedRegex(@"^(?:UG|PG|SSC|HSC|Doctorate|Graduation|Post Graduation)\s*:\s*")]
    private static partial Regex LevelPrefix();

    [GeneratedRegex(@"(?i)\b(?:c?gpa|grade|note|nota|moyenne|percentage|score|cum laude|magna|summa|honou?rs|distinction|first class)\b|^\s*\d{1,3}(?:\.\d+)?\s*%|\d\.\d{1,2}\s*/\s*\d")]
    private static partial Regex Grade();

    [GeneratedRegex(@"\s*[-–,]\s*(?:c?gpa|grade)?\s*:?\s*\d(?:\.\d+)?\s*(?:/\s*\d+(?:\.\d+)?)?\s*(?:c?gpa)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeSuffix();

    [GeneratedRegex(@"(?:\s+in\s+|,\s+|\s+-\s+|\s+en\s+|\s+em\s+|\s+of\s+science\s+in\s+)(?<f>[^,()]{3,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldOfStudy();
}
