using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Heuristic;

static partial class SkillsExtractor
{
    const int MinColumnItems = 4;

    /// <summary>
    /// A sidebar column of skills, one per line with no heading, read into the header, summary, education or after the
    /// last job ("Sketch", "Wireframing", "User Journeys", "Design Systems"): four or more short lines in a row (one to three
    /// words, no sentence punctuation, verbs or dates), at least one in three of them a dictionary skill or the column
    /// next to a line of dictionary skills. Names, places, languages, headings and job titles break the column.
    /// </summary>
    static IEnumerable<(string Kind, List<string> Items)> SkillColumns(ResumeDocument doc, SkillDictionary dictionary)
    {
        foreach (var s in doc.Sections.Where(s => s.Kind is SectionKinds.Header or SectionKinds.Summary or SectionKinds.Education or SectionKinds.Experience))
        {
            var lines = s.LineIndexes.Where(i => doc.Lines[i].Trim().Length > 0 && !doc.IsHeading(i)).ToList();
            int from = 0;
            if (s.Kind == SectionKinds.Experience)
            {
                // Only after the last job's dates and its description: short lines between dates are job headers.
                int lastDated = lines.FindLastIndex(i => DateParser.FindRanges(doc.Lines[i], doc.RightToLeft).Count > 0);
                if (lastDated < 0) continue;
                from = lastDated + 1;
                while (from < lines.Count && ColumnItem(doc.Lines[lines[from]], dictionary) is not null) from++;
                if (from >= lines.Count || !IsDescription(doc.Lines[lines[from]])) continue;
            }
            var run = new List<string>();
            for (int k = from; k <= lines.Count; k++)
            {
                if (k < lines.Count && ColumnItem(doc.Lines[lines[k]], dictionary) is { } item) { run.Add(item); continue; }
                if (run.Count >= MinColumnItems)
                {
                    int known = run.Count(it => dictionary.Normalize(it) is not null);
                    int before = k - run.Count - 1;
                    bool nextToSkills = (before >= 0 && SkillLine(doc.Lines[lines[before]], dictionary))
                        || (before < 0 && s.Start > 0 && doc.KindOf(s.Start - 1) == SectionKinds.Skills)
                        || (k < lines.Count && SkillLine(doc.Lines[lines[k]], dictionary));
                    if (known * 3 >= run.Count || (known >= 1 && nextToSkills)) yield return (s.Kind, run.ToList());
                }
                run.Clear();
            }
        }
    }

    /// <summary>The item a line holds when it is one short name and nothing else; null otherwise.</summary>
    static string? ColumnItem(string line, SkillDictionary dictionary)
    {
        var raw = line.Trim();
        if (raw.Contains(':') || raw.Contains('：')) return null;
        var t = ListItems.StripPrefix(raw).Trim();
        if (t.Length is < 2 or > 40 || !t.Any(char.IsLetter) || TextNormalizer.WordCount(t) > 3) return null;
        if (dictionary.Normalize(t) is not null) return t;
        if (t.IndexOfAny([',', ';', '|', '•', '·', '@', '!', '?', '(', ')']) >= 0 || t.EndsWith('.') || t.Contains("://") || t.Any(char.IsDigit)) return null;
        if (ProseLead().IsMatch(t) || NotSkill(t) || SectionDetector.Heading(t) is not null || SpokenLanguages.Find(t) is not null) return null;
        if (Geo.CountryNamed(t) is not null || Cities.CityIn(t) is not null || JobTitles.TitleScore(t) > 0) return null;
        if (DegreeLevelClassifier.IsDegree(t) || DegreeLevelClassifier.IsInstitution(t)) return null;
        return t;
    }

    // A job description line: a sentence or a bullet of more than three words.
    static bool IsDescription(string line) => line.Trim().EndsWith('.') || TextNormalizer.WordCount(ListItems.StripPrefix(line)) > 3;

    // A line naming two or more dictionary skills ("Python, SQL, Docker").
    static bool SkillLine(string line, SkillDictionary dictionary) => dictionary.Mentions(line).Take(2).Count() == 2;
}
