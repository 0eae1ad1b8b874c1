namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Spoken languages from languages sections, from language lines inside skills sections, and from items of a skills line
/// that are a language with its level ("Englisch (fließend)"). Items that name no spoken language ("Python" under a
/// "Languages:" label) are not languages.
/// </summary>
static class LanguageExtractor
{
    public static List<SpokenLanguage> Extract(ResumeDocument doc)
    {
        var result = new List<SpokenLanguage>();
        foreach (var s in doc.Sections)
        {
            bool languages = s.Kind == SectionKinds.Languages;
            if (!languages && s.Kind != SectionKinds.Skills) continue;
            foreach (var line in ListItems.LogicalLines(doc, s))
            {
                var items = ListItems.Split(ListItems.StripPrefix(line));
                if (!languages && !SkillsExtractor.IsSpokenLanguageLine(items))
                {
                    // A line of skills with a language and its level among them: that item is a language.
                    foreach (var item in items.Where(SpokenLanguages.IsLanguageWithLevel))
                        if (SpokenLanguages.Parse(item) is { } l && !result.Any(r => r.Code == l.Code)) result.Add(l);
                    continue;
                }
                if (languages && items.Count == 1 && TextNormalizer.SpaceParts(items[0]) > 6) continue;
                foreach (var item in items)
                    if (SpokenLanguages.Parse(item) is { } l && !result.Any(r => r.Code == l.Code)) result.Add(l);
            }
        }
        return result;
    }
}
