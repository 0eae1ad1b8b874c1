namespace AtsParser.Core.Parsing.Grounding;

/// <summary>
/// Checks every value a model returned against the source text. Contacts, employers, institutions, skills,
/// dates and list entries that are not in the document are dropped (a model must not invent them); titles,
/// degrees and prose that are not found verbatim are kept with low confidence. Each decision is an
/// UNVERIFIED_VALUE warning naming the path, the value and what was done.
/// </summary>
public sealed class Grounder(SourceIndex source)
{
    public const double VerifiedConfidence = 0.9, LowConfidence = 0.3;
    readonly List<QualityWarning> _warnings = [];

    public static (Resume Resume, List<QualityWarning> Warnings) Apply(Resume resume, SourceIndex source)
    {
        var g = new Grounder(source);
        var grounded = resume with
        {
            Candidate = g.Candidate(resume.Candidate),
            Summary = g.Keep("summary", resume.Summary, source.ContainsProse),
            WorkExperience = resume.WorkExperience.Select((w, i) => g.Job(w, $"workExperience[{i}]")).OfType<WorkExperience>().ToList(),
            Education = resume.Education.Select((e, i) => g.School(e, $"education[{i}]")).OfType<Education>().ToList(),
            Skills = g.Filter(resume.Skills, "skills", s => s.Raw, source.ContainsText),
            Certifications = g.Filter(resume.Certifications, "certifications", c => c.Name, source.ContainsText)
                .Select((c, i) => c with { Issuer = g.Drop($"certifications[{i}].issuer", c.Issuer, source.ContainsText), Date = g.Date($"certifications[{i}].date", c.Date) }).ToList(),
            Languages = g.Filter(resume.Languages, "languages", l => l.Name, source.ContainsText)
                .Select((l, i) => l with { Level = g.Drop($"languages[{i}].level", l.Level, source.ContainsText) })
                .Select(l => l.Raw is null && l.Level is { } level ? l with { Raw = source.Attached(l.Name, level) } : l).ToList(),
            Projects = g.Filter(resume.Projects, "projects", p => p.Name, source.ContainsText)
                .Select((p, i) => p with { Description = g.Keep($"projects[{i}].description", p.Description, source.ContainsProse), Url = g.Drop($"projects[{i}].url", p.Url, source.ContainsUrl) }).ToList(),
            Awards = g.Filter(resume.Awards, "awards", a => a.Title, source.ContainsText)
                .Select((a, i) => a with { Issuer = g.Drop($"awards[{i}].issuer", a.Issuer, source.ContainsText), Date = g.Date($"awards[{i}].date", a.Date) }).ToList(),
        };
        return (grounded, g._warnings);
    }

    Candidate Candidate(Candidate c)
    {
        var name = c.Name;
        if (name is not null && !source.ContainsText(name.Raw))
        {
            // The model may reorder a printed name ("SOLEN, Mira"): every word present is good enough.
            var words = name.Raw.Split(' ', ',').Where(w => w.Length > 0).ToList();
            int found = words.Count(source.ContainsWord);
            if (found == words.Count) { }
            else if (found == 0) { Warn("candidate.name", name.Raw, "dropped"); name = null; }
            else Warn("candidate.name", name.Raw, $"kept with low confidence ({found} of {words.Count} words found)");
        }
        if (name is not null)
            name = name with { Given = name.Given is { } gn && source.ContainsText(gn) ? gn : null, Family = name.Family is { } fn && source.ContainsText(fn) ? fn : null };
        return c with
        {
            Name = name,
            Emails = Filter(c.Emails, "candidate.emails", e => e, source.ContainsEmail),
            Phones = Filter(c.Phones, "candidate.phones", p => p.Raw, source.ContainsPhone),
            Links = Filter(c.Links, "candidate.links", l => l.Url, source.ContainsUrl),
            Location = c.Location is { } loc && !source.ContainsText(loc.Raw) ? Dropped<Location>("candidate.location", loc.Raw) : c.Location,
            Headline = Keep("candidate.headline", c.Headline, source.ContainsProse),
        };
    }

    WorkExperience? Job(WorkExperience w, string path)
    {
        int before = _warnings.Count;
        var job = w with
        {
            Employer = Drop(path + ".employer", w.Employer, source.ContainsText),
            Title = Keep(path + ".title", w.Title, source.ContainsText),
            Location = Drop(path + ".location", w.Location, source.ContainsText),
            Start = Date(path + ".start", w.Start),
            End = Date(path + ".end", w.End),
            Description = Keep(path + ".description", w.Description, source.ContainsProse),
            Highlights = Filter(w.Highlights, path + ".highlights", h => h, source.ContainsProse),
        };
        if (job.Title is null && job.Employer is null && job.Start is null && job.End is null) return null;
        return job with { Evidence = source.Quote(job.Title, job.Employer), Confidence = _warnings.Count > before ? LowConfidence : VerifiedConfidence };
    }

    Education? School(Education e, string path)
    {
        int before = _warnings.Count;
        var school = e with
        {
            Institution = Drop(path + ".institution", e.Institution, source.ContainsText),
            Degree = Keep(path + ".degree", e.Degree, source.ContainsText),
            FieldOfStudy = Keep(path + ".fieldOfStudy", e.FieldOfStudy, source.ContainsText),
            Start = Date(path + ".start", e.Start),
            End = Date(path + ".end", e.End),
            Grade = Drop(path + ".grade", e.Grade, source.ContainsText),
        };
        if (school.Institution is null && school.Degree is null && school.FieldOfStudy is null) return null;
        return school with { Evidence = source.Quote(school.Degree, school.Institution), Confidence = _warnings.Count > before ? LowConfidence : VerifiedConfidence };
    }

    PartialDate? Date(string path, PartialDate? date) =>
        date is null || source.ContainsText(date.Raw) ? date : Dropped<PartialDate>(path, date.Raw);

    List<T> Filter<T>(List<T> items, string path, Func<T, string> value, Func<string, bool> verified)
    {
        var kept = new List<T>();
        for (int i = 0; i < items.Count; i++)
            if (verified(value(items[i]))) kept.Add(items[i]);
            else Warn($"{path}[{i}]", value(items[i]), "dropped");
        return kept;
    }

    string? Drop(string path, string? value, Func<string, bool> verified) =>
        value is null || verified(value) ? value : Dropped<string>(path, value);

    string? Keep(string path, string? value, Func<string, bool> verified)
    {
        if (value is not null && !verified(value)) Warn(path, value, "kept with low confidence");
        return value;
    }

    T? Dropped<T>(string path, string value) where T : class
    {
        Warn(path, value, "dropped");
        return null;
    }

    void Warn(string path, string value, string action)
    {
        var shown = value.Length > 60 ? value[..57] + "..." : value;
        _warnings.Add(new QualityWarning(WarningCodes.UnverifiedValue, "warning", path,
            $"'{shown}' was returned by the model but is not in the document text (compared ignoring case, accents and spacing; phones by their digits); {action}."));
    }
}
