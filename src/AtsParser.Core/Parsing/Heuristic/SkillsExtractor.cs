namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Skills from skills sections (items as printed, normalized through the dictionary, source "skills"), then dictionary
/// skills mentioned in the summary, experience and projects (source = that section). Lines listing spoken languages
/// inside a skills section ("Sprachen: Deutsch, Englisch") belong to languages, not skills.
/// </summary>
static partial class SkillsExtractor
{
    public const string SectionSource = "skills";

    public static List<Skill> Extract(ResumeDocument doc, SkillDictionary dictionary)
    {
        var skills = new List<Skill>();
        foreach (var s in doc.Sections.Where(IsSkillList))
            foreach (var line in ListItems.LogicalLines(doc, s))
            {
                var items = ListItems.Split(ListItems.StripPrefix(line));
                if (items.Count == 0 || IsSpokenLanguageLine(items)) continue;
                foreach (var item in items)
                {
                    if (item.Split(' ').Length > 6 || item.Length > 60 || item.EndsWith(':') || !item.Any(char.IsLetter) || NotSkill(item)) continue;
                    Add(skills, item, dictionary.Normalize(item) ?? item, SectionSource);
                }
            }
        // Skills listed under certifications because their own heading was lost (see OtherSectionsExtractor).
        foreach (var s in doc.OfKind(SectionKinds.Certifications))
            foreach (var item in OtherSectionsExtractor.CertificationItems(doc, s).Overrun.SelectMany(ListItems.Split))
                if (item.Split(' ').Length <= 6 && item.Length <= 60 && item.Any(char.IsLetter) && !NotSkill(item))
                    Add(skills, item, dictionary.Normalize(item) ?? item, SectionSource);
        foreach (var kind in new[] { SectionKinds.Summary, SectionKinds.Experience, SectionKinds.Projects, SectionKinds.Header })
            foreach (var s in doc.OfKind(kind))
                foreach (var i in s.LineIndexes)
                    foreach (var name in dictionary.Mentions(doc.Lines[i]))
                        Add(skills, name, name, kind);
        return skills;
    }

    /// <summary>
    /// Skills sections, and languages sections too: their lines that name spoken languages are skipped per line, so
    /// what remains ("Languages: C, C++, Java") are programming languages, which are skills.
    /// </summary>
    static bool IsSkillList(Section s) => s.Kind is SectionKinds.Skills or SectionKinds.Languages;

    // Table headers and durations from skills tables ("Skill Name | Version | Last Used | Experience", "2 Year(s)").
    static readonly HashSet<string> TableWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "skill", "skills", "skill name", "version", "last used", "experience", "language", "languages", "proficiency", "read", "write", "speak",
        "level", "years", "rating", "category",
    };

    static bool NotSkill(string item) =>
        TableWords.Contains(item) || CountOrDuration().IsMatch(item);

    public static bool IsSpokenLanguageLine(List<string> items) =>
        items.Count > 0 && items.Count(i => SpokenLanguages.Find(i) is not null && i.Split(' ').Length <= 4) * 2 >= items.Count;

    static void Add(List<Skill> skills, string raw, string name, string source)
    {
        int at = skills.FindIndex(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (at < 0) { skills.Add(new Skill(raw, name, [source])); return; }
        if (!skills[at].Sources.Contains(source)) skills[at].Sources.Add(source);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\d.x]+$|\bYear\(s\)|\bMonth\(s\)|^\d+\s*(?:years?|months?|yrs?)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CountOrDuration();
}
