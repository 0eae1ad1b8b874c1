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
            var columns = TableColumns.FindEducation(doc, section);
            var sectionDrafts = new List<Draft>();
            foreach (var block in blocks)
            {
                var drafts = new List<Draft>();
                var current = new Draft();
                var unknown = new List<string>();
                foreach (var (line, i) in EntrySegmenter.Joined(doc, block.Header.Concat(block.Body.Take(2)), block.DateLine))
                {
                    bool isDateLine = i == block.DateLine;
                    // A duty or course sentence under the school ("משך הקורס 318 שעות.") names no degree.
                    if (!block.Header.Contains(i) && IsSentence(line.Trim())) continue;
                    // A table's header row names no school; its rows give each part by column.
                    if (i == columns?.Line) continue;
                    if (columns is not null && TableColumns.Row(columns, line, i) is { } cells)
                    {
                        if (current.Degree is not null || current.Institution is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                        foreach (var cell in cells)
                        {
                            var value = DatesOnly().IsMatch(cell.Text) ? null : cell.Text;
                            if (value is null) continue;
                            if (cell.Label == FieldLabels.Degree) current.Degree = value;
                            else if (cell.Label == FieldLabels.Institution) current.Institution = value;
                            else if (cell.Label == FieldLabels.Field) current.Field = value;
                            else if (cell.Label == HeaderFragments.LocationLabel) current.Location = value;
                            else current.Grade ??= value;
                        }
                        current.Lines.Add(i);
                        if (isDateLine) current.Dates ??= block.Dates;
                        continue;
                    }
                    // A bulleted list of schools puts each school, with its year, on a body line: its dates are cut there too.
                    var lineDates = isDateLine ? block.Dates : Dates.DateParser.FindRanges(line, doc.RightToLeft).FirstOrDefault();
                    var source = HebrewSchool(line);
                    var cut = lineDates is null || source == line ? lineDates : Dates.DateParser.FindRanges(source, doc.RightToLeft).FirstOrDefault();
                    foreach (var f in HeaderFragments.From(source, i, cut).SelectMany(Parts))
                    {
                        // "Pune University with 68%", "… with a CGPA of 8.2": the grade phrase after the school is the grade.
                        var withGrade = WithGrade().Match(f.Text);
                        if (withGrade.Success) current.Grade ??= withGrade.Groups["g"].Value.Trim();
                        var ungraded = withGrade.Success ? f.Text[..withGrade.Index] : f.Text;
                        var text = LevelPrefix().Replace(GradeSuffix().Replace(ungraded, "").Trim(), "").Trim().TrimEnd(',');
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
                        // After "from"/"at", a school on the right makes the left the degree even without a degree word ("CS (CS) from …").
                        bool schoolRight = DegreeLevelClassifier.IsInstitution(from.Groups["i"].Value) && !DegreeLevelClassifier.IsDegree(from.Groups["i"].Value);
                        if (from.Success && (DegreeLevelClassifier.IsDegree(from.Groups["d"].Value) || from.Groups["w"].Value is "from" or "at" && schoolRight && !DegreeLevelClassifier.IsInstitution(from.Groups["d"].Value))
                            && (from.Groups["w"].Value is "from" or "at" or "@" or "von" || schoolRight))
                        {
                            if (current.Degree is not null || current.Institution is not null) { drafts.Add(Close(current, unknown)); current = new Draft(); unknown = []; }
                            current.Degree = from.Groups["d"].Value.Trim();
                            current.Institution = from.Groups["i"].Value.Trim();
                            current.Lines.Add(i);
                            continue;
                        }
                        if (f.Label == HeaderFragments.LocationLabel) { current.Location ??= f.Text; continue; }
                        if (text.Length == 0 || IsSentence(text)) continue;
                        if (Grade().IsMatch(text) && !DegreeLevelClassifier.IsDegree(text)) { current.Grade ??= text; continue; }
                        bool degree = DegreeLevelClassifier.IsDegree(text), school = DegreeLevelClassifier.IsInstitution(text);
                        // "High School Diploma" then "Lincoln High School", "מגמת מחשבים" then "תיכון אלון": a school-and-level word after the degree names the school.
                        if (school && (!degree || current.Institution is null && current.Degree is not null))
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
                    if (lineDates is not null && (isDateLine || current.Lines.Contains(i))) current.Dates ??= lineDates;
                }
                drafts.Add(Close(current, unknown));
                var kept = drafts.Where(d => d.Degree is not null || d.Institution is not null).ToList();
                if (kept.Count > 0 && kept.All(d => d.Dates is null)) kept[0].Dates = block.Dates ?? (blocks.Count == 1 ? headingDates.FirstOrDefault() : null);
                sectionDrafts.AddRange(kept);
            }
            result.AddRange(MergeHalves(sectionDrafts).Select(d => ToEducation(doc, d)));
        }
        return result;
    }

    /// <summary>
    /// "上海交通大学" / "2013 – 至今" / "在读硕士研究生 …, 预计 2016 年 3 月毕业": a school alone, then a degree alone carrying its own
    /// (expected) date, are one entry split at the second date; the school's dates lead.
    /// </summary>
    static List<Draft> MergeHalves(List<Draft> drafts)
    {
        var merged = new List<Draft>();
        foreach (var d in drafts)
        {
            if (merged.Count > 0 && merged[^1] is { Degree: null, Institution: not null } school && d is { Institution: null, Degree: not null })
            {
                school.Degree = d.Degree;
                school.Field ??= d.Field;
                school.Grade ??= d.Grade;
                school.Dates ??= d.Dates;
                school.Lines.AddRange(d.Lines);
                continue;
            }
            merged.Add(d);
        }
        return merged;
    }

    /// <summary>
    /// "B.Sc. Computer Science, University of Leeds, Leeds" and "Grado en X, Universidad de Sevilla, Sevilla": a comma list
    /// holding both a degree and a school is cut into its parts; a short capitalised part after the school is its city.
    /// </summary>
    static IEnumerable<Fragment> Parts(Fragment f)
    {
        // "Studium der BWL, Universität Kelbach (Abschluss: Bachelor of Science)": the bracketed, labelled degree is the
        // degree; "Studium der X" before it names only the field.
        if (f.Label is null && BracketedDegree().Match(f.Text) is { Success: true } bd
            && (FieldLabels.KindOf(bd.Groups["l"].Value) == FieldLabels.Degree || DegreeLevelClassifier.IsDegreeWord(bd.Groups["l"].Value)))
        {
            var rest = bd.Groups["rest"].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => !StudyOf().IsMatch(p));
            f = f with { Text = string.Join(", ", rest.Prepend(bd.Groups["d"].Value.Trim())) };
        }
        // "Master Communication digitale - Université de Nantes": a spaced hyphen between a degree and a school cuts
        // like a comma (only then: "Software Engineering - Backend" or "Bachelor of Science - BS" stay whole).
        if (f.Label is null && !f.Text.Contains(", ") && f.Text.Contains(" - "))
        {
            var dashed = f.Text.Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (dashed.Length >= 2 && dashed.Any(DegreeLevelClassifier.IsInstitution)
                && dashed.Any(d => DegreeLevelClassifier.IsDegree(d) && !DegreeLevelClassifier.IsInstitution(d)))
                f = f with { Text = string.Join(", ", dashed) };
        }
        // "Grado en Derecho. Universidad de Valcarce", "Bachelor of Arts Soziologie  Universität Kelbach": a full stop or a
        // wide gap between a degree and a school cuts like a comma.
        foreach (var stopMark in new[] { ". ", "  " })
        {
            if (f.Label is not null || f.Text.Contains(", ") || !f.Text.Contains(stopMark)) continue;
            int stop = f.Text.LastIndexOf(stopMark, StringComparison.Ordinal);
            string degreePart = f.Text[..stop].Trim(), schoolPart = f.Text[(stop + stopMark.Length)..].Trim();
            // A full stop ends a sentence only after a word ("Derecho."), never after an abbreviation ("B.Tech/B.E. (Computers)").
            if (stopMark == ". " && (!LastWord().IsMatch(degreePart) || !char.IsUpper(schoolPart[0]))) continue;
            if (DegreeLevelClassifier.IsInstitution(schoolPart) && DegreeLevelClassifier.IsDegree(degreePart) && !DegreeLevelClassifier.IsInstitution(degreePart))
                f = f with { Text = degreePart + ", " + schoolPart };
        }
        // "江临大学 软件工程 学士": Chinese sets no space inside a name, so single spaces between a school and a degree are cells;
        // a city in brackets after the school ("江临大学（杭州）") is no part of its name.
        if (f.Label is null && !f.Text.Contains(", ") && f.Text.Contains(' ') && f.Text.All(c => NameExtractor.IsCjk(c) || c is ' ' or '(' or ')'))
        {
            var cells = f.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => CjkSchoolPlace().Match(c) is { Success: true } m && DegreeLevelClassifier.IsInstitution(m.Groups["s"].Value)
                    && IsPlaceName(m.Groups["p"].Value) ? m.Groups["s"].Value : c).ToArray();
            int at = Array.FindIndex(cells, DegreeLevelClassifier.IsInstitution);
            if (at >= 0 && cells.Where((c, k) => k != at).Any(DegreeLevelClassifier.IsDegree)) f = f with { Text = string.Join(", ", cells) };
        }
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
        // "上海交通大学, 上海": a short CJK part after the school, with no school or degree word, is its city or province.
        if (part.Length is >= 2 and <= 6 && part.All(NameExtractor.IsCjk)) return !DegreeLevelClassifier.IsDegree(part) && !DegreeLevelClassifier.IsInstitution(part);
        var words = part.Split(' ');
        return words.Length <= 3 && !part.Any(char.IsDigit) && words.All(w => w.Length > 1 && char.IsUpper(w[0]))
            && !DegreeLevelClassifier.IsDegree(part) && !DegreeLevelClassifier.IsInstitution(part) || Geo.CountryNamed(part) is not null || Geo.StateCountry(part) is not null;
    }

    /// <summary>
    /// "בוגר קורס תכנות בשפת Java במרכז להדרכת מחשבים": Hebrew glues "in" (ב) to the school's word and opens with "graduate of"
    /// (בוגר); the school is set apart so the degree and the school are two fragments.
    /// </summary>
    static string HebrewSchool(string line)
    {
        if (!line.Any(c => c is >= '\u05D0' and <= '\u05EA')) return line;
        var t = HebrewGraduate().Replace(line, "$1");
        var m = HebrewSchoolWord().Match(t);
        // "המכללה האקדמית להנדסה …": a line that opens with a school word is the school's whole name, not a degree before it.
        return m.Success && m.Index > 0 && !HebrewSchoolWord().IsMatch(" " + t[..m.Index].Trim()) ? t[..m.Index].TrimEnd() + " | " + t[(m.Index + m.Groups["b"].Length)..].TrimEnd('.', ' ') : t;
    }

    /// <summary>Prose, not a degree: four or more words ending in a full stop after a plain word ("משך הקורס 318 שעות.").</summary>
    static bool IsSentence(string text)
    {
        if (!text.EndsWith('.')) return false;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 4 && words[^1].Length >= 4 && words[^1].Count(c => c == '.') == 1;
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

    [GeneratedRegex(@"(^|[\s:|])בוגר(?:ת)?\s+")]
    private static partial Regex HebrewGraduate();

    // A school word, bare or with the prefix ב ("in"): אוניברסיטת, מכללת, תיכון, מרכז, הטכניון, בית ספר.
    [GeneratedRegex(@"(?<=\s)(?<b>ב)?(?=(?:ה)?(?:אוניברסיט|מכלל|תיכון|מרכז|טכניון|בית\s+ספר|בי""ס|סמינר|ישיבת|אקדמי))")]
    private static partial Regex HebrewSchoolWord();

    [GeneratedRegex(@"(?:^|\s)\p{Lu}?\p{Ll}{3,}$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"^[\d\s./\-–—]*$")]
    private static partial Regex DatesOnly();

    [GeneratedRegex(@"^.{2,80}?\s+(?:from|at)\s+(?<i>.{3,100})$")]
    private static partial Regex SchoolAfter();

    [GeneratedRegex(@"^(?<d>.{2,80}?)\s+(?<w>from|at|@|von|de la|de|à|na|no)\s+(?<i>.{3,100})$")]
    private static partial Regex DegreeFrom();

    // Portal level labels ahead of a degree ("UG:", "PG:", "Doctorate:").
    [GeneratedRegex(@"^(?:UG|PG|SSC|HSC|Doctorate|Graduation|Post Graduation)\s*:\s*")]
    private static partial Regex LevelPrefix();

    [GeneratedRegex(@"(?i)\b(?:c?gpa|grade|note|nota|moyenne|percentage|score|cum laude|magna|summa|honou?rs|distinction|first class)\b|^\s*\d{1,3}(?:\.\d+)?\s*%|\d\.\d{1,2}\s*/\s*\d|^\s*[12]:[12]\s*$")]
    private static partial Regex Grade();

    // "- 3.6", ", GPA 3.8/4.0", and the British classes ", 2:1", ", First Class Honours", ", Merit".
    [GeneratedRegex(@"(?<!\d)\s*[-–,]\s*(?:c?gpa|grade)?\s*:?\s*\d(?:[.,]\d+)?\s*(?:/\s*\d+(?:\.\d+)?)?\s*(?:c?gpa)?\s*$|\s*[-–,]\s*(?:[12]:[12]|2:ii?|first(?:\s+class)?(?:\s+honou?rs)?|upper\s+second(?:\s+class)?|lower\s+second(?:\s+class)?|merit|distinction)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeSuffix();

    [GeneratedRegex(@"\s+with\s+(?:an?\s+)?(?:aggregate\s+(?:of\s+)?)?(?<g>\d{1,3}(?:[.,]\d+)?\s*%|(?:c?gpa|cpi|sgpa)\s*(?:of\s*)?\d{1,2}(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)?|\d{1,2}(?:[.,]\d+)?\s*(?:c?gpa|cpi))(?:\s*(?:marks|aggregate))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    private static partial Regex WithGrade();

    [GeneratedRegex(@"(?:\s+in\s+|,\s+|\s+-\s+|\s+en\s+|\s+em\s+|\s+of\s+science\s+in\s+)(?<f>[^,()]{3,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldOfStudy();

    // "(Abschluss: Bachelor of Science)", "(Diploma: …)": the label is a degree label (labels.tsv) or a degree word (degrees.tsv).
    [GeneratedRegex(@"^(?<rest>.+?)\s*[(\[]\s*(?<l>[^:()\[\]]{2,30}?)\s*:\s*(?<d>[^)\]]{2,80})[)\]]?\s*$")]
    private static partial Regex BracketedDegree();

    [GeneratedRegex(@"^(?<s>[^()]{2,40})\((?<p>[^()]{2,6})\)$")]
    private static partial Regex CjkSchoolPlace();

    [GeneratedRegex(@"^(?:Studium|Studiengang|Study of|Studies in|Estudios de|Études de|Estudos de)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StudyOf();
}
