using System.Text.RegularExpressions;

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
        var at = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in doc.Sections.Where(IsSkillList))
            foreach (var line in ListItems.LogicalLines(doc, s))
            {
                var items = ListItems.Split(ListItems.StripPrefix(line));
                if (items.Count == 0 || IsSpokenLanguageLine(items)) continue;
                // "Englisch (fließend)" in a line of skills is a spoken language (LanguageExtractor keeps it), not a skill.
                foreach (var item in items.Where(i => !SpokenLanguages.IsLanguageWithLevel(i)).Select(WithoutLevel).SelectMany(i => SkillPairs.Split(i, dictionary)))
                {
                    if (item.EndsWith(':') || !item.Any(char.IsLetter) || NotSkill(item)) continue;
                    // "Proficient in Windows and Mac OS", "Developed the Controllers and Models": a sentence, not a skill;
                    // the dictionary skills it names still count.
                    if (IsSentence(item, dictionary))
                    {
                        foreach (var name in dictionary.Mentions(item)) Add(skills, at, name, name, SectionSource);
                        continue;
                    }
                    Add(skills, at, item, dictionary.Normalize(item) ?? item, SectionSource);
                }
            }
        // Skills listed under certifications because their own heading was lost (see OtherSectionsExtractor).
        foreach (var s in doc.OfKind(SectionKinds.Certifications))
            foreach (var item in OtherSectionsExtractor.CertificationItems(doc, s).Overrun.SelectMany(ListItems.Split))
                if (TextNormalizer.SpaceParts(item) <= 6 && item.Length <= 60 && item.Any(char.IsLetter) && !NotSkill(item))
                    Add(skills, at, item, dictionary.Normalize(item) ?? item, SectionSource);
        // A sidebar or second column read into another section ("Python · Docker · Kubernetes" under the schools or the
        // summary): a line of three or more short items, at least three of them and three in four dictionary skills, is a
        // skill list whatever section it landed in; its other items are skills too.
        foreach (var kind in new[] { SectionKinds.Education, SectionKinds.Summary, SectionKinds.Header })
            foreach (var s in doc.OfKind(kind))
                foreach (var i in s.LineIndexes)
                {
                    // A line without a separator is one item at most, and fewer than three never count.
                    if (!ListItems.MaySplit(doc.Lines[i])) continue;
                    // Split's items are trimmed and hold a letter or digit already.
                    var items = ListItems.Split(ListItems.StripPrefix(doc.Lines[i]));
                    int known = items.Count(it => dictionary.Normalize(it) is not null);
                    if (items.Count < 3 || known < 3 || known * 4 < items.Count * 3 || items.Any(it => TextNormalizer.SpaceParts(it) > 3 || it.Contains('@') || it.Any(char.IsDigit) && dictionary.Normalize(it) is null)) continue;
                    foreach (var it in items) Add(skills, at, it, dictionary.Normalize(it) ?? it, kind);
                }
        foreach (var (kind, items) in SkillColumns(doc, dictionary))
            foreach (var it in items) Add(skills, at, it, dictionary.Normalize(it) ?? it, kind);
        foreach (var kind in new[] { SectionKinds.Summary, SectionKinds.Experience, SectionKinds.Projects, SectionKinds.Header })
            foreach (var s in doc.OfKind(kind))
                foreach (var i in s.LineIndexes)
                    foreach (var name in dictionary.Mentions(doc.Lines[i]))
                        if (!OpensNounPhrase(doc.Lines[i], name)) Add(skills, at, name, name, kind);
        return skills;
    }

    /// <summary>
    /// A one-word skill name that heads a noun phrase in running text is a word of the language, not the tool:
    /// "Chef de projet", "Chef d'équipe", "Go to market", "Spring of 2019".
    /// </summary>
    static bool OpensNounPhrase(string line, string name)
    {
        if (name.Contains(' ')) return false;
        for (int at = line.IndexOf(name, StringComparison.Ordinal); at >= 0; at = line.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var rest = line.AsSpan(at + name.Length);
            if (!NounPhraseTail().IsMatch(rest)) return false;
        }
        return true;
    }

    [GeneratedRegex(@"^\s+(?:de|du|des|d['’]|of|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NounPhraseTail();

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

    // Category names ("Programming Languages", "Datenbanken", "工具") and section headings ("Skills & Expertise") head skills.
    static readonly HashSet<string> Categories = Data.DataFiles.ReadTsv("skill-categories.tsv").Select(r => TextNormalizer.Fold(r[0])).ToHashSet(StringComparer.Ordinal);

    // Levels printed beside a skill in tables and sidebars ("Java | Expert", "Excel – sehr gut", "Python 精通").
    static readonly HashSet<string> Levels = new[]
    {
        "expert", "advanced", "intermediate", "beginner", "basic", "basics", "proficient", "good", "very good", "excellent", "fluent", "native", "novice", "familiar",
        "sehr gut", "gut", "fortgeschritten", "grundkenntnisse", "experte", "verhandlungssicher", "avancé", "intermédiaire", "débutant", "notions", "bon", "bonne", "courant",
        "avanzado", "intermedio", "básico", "experto", "alto", "medio", "bajo", "avançado", "intermediário", "básica", "fluente", "精通", "熟练", "熟悉", "了解", "掌握", "良好", "一般",
        "מתקדם", "בסיסי", "טוב", "טוב מאוד",
    }.Select(TextNormalizer.Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// "Python (Advanced)", "Java - 5 years", "Photoshop – Expert", "SAP (sehr gut)": the level or the time set apart after a
    /// skill is not part of its name. A level that is part of the phrase ("Advanced Excel", "Excel avanzado") stays.
    /// </summary>
    static string WithoutLevel(string item)
    {
        var t = item.Trim();
        // "Advanced: Excel | Intermediate: SQL": a level as the label of the item.
        int colon = t.IndexOf(':');
        if (colon > 0 && Levels.Contains(TextNormalizer.Fold(t[..colon].Trim())) && t[(colon + 1)..].Trim().Length > 0) t = t[(colon + 1)..].Trim();
        var m = TrailingLevel().Match(t);
        if (m.Success && m.Index > 0)
        {
            var level = m.Groups["l"].Value.Trim();
            if (Levels.Contains(TextNormalizer.Fold(level)) || CountOrDuration().IsMatch(level) || Rating().IsMatch(level) || LevelWithYears().IsMatch(level))
                return t[..m.Index].Trim();
        }
        return t;
    }

    // "(Advanced)", "- 5 years", "– Expert", ": 3 yrs" at the end of an item.
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(?:\((?<l>[^()]{1,30})\)|\s[-–—:]\s*(?<l>[^-–—:()]{1,30}))$")]
    private static partial System.Text.RegularExpressions.Regex TrailingLevel();

    // "5+ years", "3 yrs experience", "Advanced, 4 years".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(?:\w+,\s*)?\d+(?:[.,]\d)?\+?\s*(?:years?|yrs?|months?|jahre?|ans?|años|anos|年)(?:\s+(?:of\s+)?(?:experience|exp\.?))?$")]
    private static partial System.Text.RegularExpressions.Regex LevelWithYears();

    static bool NotSkill(string item)
    {
        if (TableWords.Contains(item) || CountOrDuration().IsMatch(item) || Rating().IsMatch(item)) return true;
        var folded = TextNormalizer.Fold(item.Trim());
        if (Categories.Contains(folded) || Levels.Contains(folded) || item.Contains(':')) return Categories.Contains(folded) || Levels.Contains(folded);
        // A heading read into the list ("Skills & Expertise", "Soft Skills"); a one-word heading of another section may be a skill ("Research").
        return SectionDetector.Heading(item) is { } h && (h.Kind is SectionKinds.Skills or SectionKinds.Languages || folded.Contains(' '));
    }

    /// <summary>
    /// Prose in a skills list: more than six words, or four and more led by a verb or an adjective of ability ("Proficient in",
    /// "Developed", "Strong"), or ending in a full stop. A name the dictionary knows as a whole is never prose.
    /// </summary>
    static bool IsSentence(string item, SkillDictionary dictionary)
    {
        if (dictionary.Normalize(item) is not null) return false;
        // What a parenthesis lists ("Manejo de Base de Datos(SQL y PL/SQL)") is part of the item, not more words of it.
        var bare = Parenthesised().Replace(item, " ");
        var words = bare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || bare.Length > 60) return true;
        if (words.Length < 3) return false;
        return item.EndsWith('.') || ProseLead().IsMatch(item);
    }

    public static bool IsSpokenLanguageLine(List<string> items) =>
        items.Count > 0 && items.Count(i => i.AsSpan().Count(' ') <= 3 && SpokenLanguages.Find(i) is not null) * 2 >= items.Count;

    // `at` holds each name's place in `skills` (the first skill of that name, case aside), so a long list is not searched per item.
    static void Add(List<Skill> skills, Dictionary<string, int> at, string raw, string name, string source)
    {
        if (!at.TryGetValue(name, out int i)) { at[name] = skills.Count; skills.Add(new Skill(raw, name, [source])); return; }
        if (!skills[i].Sources.Contains(source)) skills[i].Sources.Add(source);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(?:proficient|experienced|excellent|strong|good|solid|basic|working|hands-on|familiar|knowledge|ability|able|skilled|expert(?:ise)?|developed|developing|designed|designing|implemented|involved|written|wrote|worked|working|created|built|managed|responsible|understanding|experience)\b")]
    private static partial System.Text.RegularExpressions.Regex ProseLead();

    [System.Text.RegularExpressions.GeneratedRegex(@"\([^()]*\)")]
    private static partial System.Text.RegularExpressions.Regex Parenthesised();

    // "★★★★☆", "4/5", "80%", "●●●○○": a rating, not a skill.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[★☆●○◉◯■□▪▫⬤]+|\d(?:[.,]\d)?\s*/\s*(?:5|10)|\d{1,3}\s*%)$")]
    private static partial System.Text.RegularExpressions.Regex Rating();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\d.x]+$|\bYear\(s\)|\bMonth\(s\)|^\d+\s*(?:years?|months?|yrs?)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CountOrDuration();
}
