using AtsParser.Core.Parsing.Heuristic;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>
/// The model's answer → schema v1. Dates keep their raw text (ISO and precision come from the finalizer); location
/// parts, link types, degree levels, language codes, CEFR levels and skill names come from code and the shared data tables,
/// never from the model. Empty strings become null. Evidence is set by grounding.
/// </summary>
public static class ExtractionMapper
{
    public static Resume ToResume(ExtractedResume x, SkillDictionary? skills = null) => new()
    {
        Candidate = new Candidate
        {
            Name = Clean(x.Name?.Full) is { } full ? new PersonName(full, Clean(x.Name!.Given), Clean(x.Name.Family)) : null,
            Emails = Distinct(x.Emails),
            Phones = Distinct(x.Phones).Select(p => new Phone(p, null)).ToList(),
            // City, region and country from the same tables as the heuristic parser: the country is what gives phones their E.164.
            Location = Clean(x.Location) is { } loc ? LocationExtractor.Parse(loc) : null,
            Links = Distinct(x.Links).Select(u => new Link(u, LinkType(u))).ToList(),
            Headline = Clean(x.Headline),
        },
        Summary = Clean(x.Summary),
        WorkExperience = x.Work.Select(w => new WorkExperience
        {
            Title = Clean(w.Title),
            Employer = Clean(w.Employer),
            Location = Clean(w.Location),
            Start = Date(w.Start),
            End = Date(w.End),
            Description = Clean(w.Description),
            Highlights = Distinct(w.Highlights ?? []),
        }).ToList(),
        Education = x.Education.Select(e => new Education
        {
            Institution = Clean(e.Institution),
            Degree = Clean(e.Degree),
            FieldOfStudy = Clean(e.FieldOfStudy),
            Start = Date(e.Start),
            End = Date(e.End),
            Grade = Clean(e.Grade),
            DegreeLevel = DegreeLevelClassifier.Level(e.Degree) ?? (Clean(e.Degree) is null ? null : DegreeLevels.Other),
        }).ToList(),
        Skills = x.Skills.Where(s => Clean(s.Name) is not null).GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new Skill(g.Key, skills?.Normalize(g.Key) ?? g.Key, g.Select(s => Clean(s.Section) ?? "text").Distinct().ToList())).ToList(),
        Certifications = x.Certifications.Where(c => Clean(c.Name) is not null).Select(c => new Certification(c.Name.Trim(), Clean(c.Issuer), Date(c.Date))).ToList(),
        Languages = x.Languages.Where(l => Clean(l.Name) is not null).Select(Language).ToList(),
        Projects = x.Projects.Where(p => Clean(p.Name) is not null).Select(p => new Project(p.Name.Trim(), Clean(p.Description), Clean(p.Url))).ToList(),
        Awards = x.Awards.Where(a => Clean(a.Title) is not null).Select(a => new Award(a.Title.Trim(), Clean(a.Issuer), Date(a.Date))).ToList(),
    };

    public static string LinkType(string url)
    {
        var u = url.ToLowerInvariant();
        if (u.Contains("linkedin.com")) return LinkTypes.LinkedIn;
        if (u.Contains("github.com") || u.Contains("github.io")) return LinkTypes.GitHub;
        return u.Contains("behance.net") || u.Contains("dribbble.com") || u.Contains("portfolio") ? LinkTypes.Portfolio : LinkTypes.Other;
    }

    /// <summary>ISO 639-1 code and CEFR level come from the same tables the heuristic parser uses.</summary>
    static SpokenLanguage Language(ExtractedLanguage l)
    {
        var level = Clean(l.Level);
        var known = SpokenLanguages.Parse(level is null ? l.Name : $"{l.Name} ({level})");
        return new SpokenLanguage(l.Name.Trim(), known?.Code, level, known?.Cefr);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static PartialDate? Date(string? raw) => Clean(raw) is { } r ? new PartialDate(r, null, null) : null;

    static List<string> Distinct(IEnumerable<string> values) =>
        values.Select(Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
