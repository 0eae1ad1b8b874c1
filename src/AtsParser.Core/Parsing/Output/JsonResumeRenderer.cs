namespace AtsParser.Core.Parsing.Output;

/// <summary>Schema v1 → JSON Resume (?format=jsonresume). Only ISO dates are emitted: raw text that did not parse is left out rather than faked.</summary>
public static class JsonResumeRenderer
{
    public static JsonResumeDocument Render(Resume r)
    {
        var c = r.Candidate;
        var profiles = c.Links.Where(l => l.Type is LinkTypes.LinkedIn or LinkTypes.GitHub)
            .Select(l => new JsonResumeProfile(l.Type == LinkTypes.LinkedIn ? "LinkedIn" : "GitHub", Username(l.Url), l.Url)).ToList();
        return new JsonResumeDocument
        {
            Basics = new JsonResumeBasics
            {
                Name = c.Name?.Raw,
                Label = c.Headline ?? r.Derived.CurrentTitle,
                Email = c.Emails.FirstOrDefault(),
                Phone = c.Phones.Select(p => p.E164 ?? p.Raw).FirstOrDefault(),
                Url = c.Links.FirstOrDefault(l => l.Type == LinkTypes.Portfolio)?.Url ?? c.Links.FirstOrDefault(l => l.Type == LinkTypes.Other)?.Url,
                Summary = r.Summary,
                Location = c.Location is { } loc ? new JsonResumeLocation(loc.City is null ? loc.Raw : null, loc.City, loc.Region, loc.CountryCode) : null,
                Profiles = profiles,
            },
            Work = r.WorkExperience.Select(w => new JsonResumeWork
            {
                Name = w.Employer, Position = w.Title, Location = w.Location, StartDate = w.Start?.Iso,
                EndDate = w.IsCurrent ? null : w.End?.Iso, Summary = w.Description, Highlights = w.Highlights,
            }).ToList(),
            Education = r.Education.Select(e => new JsonResumeEducation
            {
                Institution = e.Institution, Area = e.FieldOfStudy, StudyType = e.Degree, StartDate = e.Start?.Iso, EndDate = e.End?.Iso, Score = e.Grade,
            }).ToList(),
            Skills = r.Skills.Select(s => new JsonResumeSkill(s.Name, s.Raw == s.Name ? [] : [s.Raw])).ToList(),
            Languages = r.Languages.Select(l => new JsonResumeLanguage(l.Name, l.Cefr ?? l.Level)).ToList(),
            Projects = r.Projects.Select(p => new JsonResumeProject(p.Name, p.Description, p.Url)).ToList(),
            Awards = r.Awards.Select(a => new JsonResumeAward(a.Title, a.Date?.Iso, a.Issuer)).ToList(),
            Certificates = r.Certifications.Select(x => new JsonResumeCertificate(x.Name, x.Date?.Iso, x.Issuer)).ToList(),
            Meta = new JsonResumeMeta { Source = $"atsparser schema {r.Meta.SchemaVersion}, parser {r.Meta.Parser}" },
        };
    }

    static string? Username(string url)
    {
        var last = url.TrimEnd('/').Split('/').LastOrDefault();
        return string.IsNullOrEmpty(last) || last.Contains('.') ? null : last.TrimStart('@');
    }
}
