using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Derivation;

/// <summary>
/// What every parser's output goes through, whichever parser made it: ISO dates from the printed ones, "Present"
/// resolved against asOf, E.164 phones, derived fields and quality warnings, and the meta block. Filled in code,
/// never by a model. Idempotent: finalizing a finalized resume changes nothing.
/// </summary>
public sealed class ResumeFinalizer
{
    static readonly HashSet<string> OwnCodes = [WarningCodes.DateEndBeforeStart, WarningCodes.FutureEndDate, WarningCodes.NoContact, WarningCodes.TextTruncated];

    // Where a document's language names one country, its phones without a country code belong to it.
    static readonly Dictionary<string, string> CountryByLanguage = new() { ["he"] = "IL", ["de"] = "DE", ["fr"] = "FR", ["zh"] = "CN", ["ko"] = "KR", ["ja"] = "JP" };

    public Resume Finalize(Resume resume, ParseInput input, IReadOnlyDictionary<string, long> timings)
    {
        var asOf = input.AsOf;
        var jobs = resume.WorkExperience.Select(j => FinalizeJob(j, asOf)).ToList();
        var education = resume.Education.Select(e => e with { Start = Fill(e.Start), End = Fill(e.End) }).ToList();
        var language = resume.Meta.Language ?? Heuristic.LanguageDetector.Detect(input.Text);
        var location = resume.Candidate.Location;
        // A printed country (or state) first, then an e-mail's country domain, the document's language, and last a city
        // named alone ("Göteborg", "Pune, Maharashtra"): the largest of that name, or one in the country the others imply.
        var implied = CountryOfEmails(resume.Candidate.Emails) ?? (language is not null ? CountryByLanguage.GetValueOrDefault(language) : null);
        var cityCountry = location is { CountryCode: null } ? CityCountry(location, implied) : null;
        var country = location?.CountryCode ?? implied ?? cityCountry;
        var phones = resume.Candidate.Phones.Select(p => p with { E164 = p.E164 ?? PhoneNormalizer.ToE164(p.Raw, country) }).ToList();
        // The city's country becomes the location's only where nothing else says otherwise, so finalizing twice changes nothing.
        if (cityCountry is not null && (implied is null || implied == cityCountry)) location = location! with { CountryCode = cityCountry };
        var candidate = resume.Candidate with { Phones = phones, Location = location };

        var warnings = resume.Quality.Warnings.Where(w => !OwnCodes.Contains(w.Code)).ToList();
        warnings.AddRange(QualityChecks.Dates(jobs, education, asOf));
        if (candidate.Emails.Count == 0 && candidate.Phones.Count == 0)
            warnings.Add(new QualityWarning(WarningCodes.NoContact, "warning", "candidate", "No e-mail address or phone number was found."));
        if (input.TextTruncated)
            warnings.Add(new QualityWarning(WarningCodes.TextTruncated, "warning", null, "The extracted text was cut at the configured limit; later sections may be missing."));

        var mergedTimings = new Dictionary<string, long>(resume.Meta.TimingsMs);
        foreach (var (k, v) in timings) mergedTimings[k] = v;
        return resume with
        {
            Candidate = candidate,
            WorkExperience = jobs,
            Education = education,
            Derived = Derive(jobs, education, asOf),
            Quality = new Quality { Warnings = warnings },
            Meta = resume.Meta with
            {
                SchemaVersion = ResumeSchema.Version,
                AsOf = asOf,
                Language = language,
                Truncated = resume.Meta.Truncated || input.TextTruncated,
                TimingsMs = mergedTimings,
            },
        };
    }

    static string? CityCountry(Location location, string? preferred) =>
        (location.City is { } city ? Heuristic.Cities.CountryOf(city, preferred) : null) ?? Heuristic.Cities.CountryOf(location.Raw, preferred);

    // Country-code domains used worldwide as generic ones say nothing about where the candidate lives.
    static readonly HashSet<string> GenericCountryDomains = new(StringComparer.OrdinalIgnoreCase) { "io", "co", "me", "tv", "ai", "ly", "fm", "am", "to", "cc", "ws", "gg", "sh", "so", "la", "vc", "nu", "tk", "ml", "ga", "cf", "gq" };

    /// <summary>"…@example.com.br" → BR, "…@example.co.uk" → GB: the country of an e-mail's country-code domain.</summary>
    static string? CountryOfEmails(IEnumerable<string> emails)
    {
        foreach (var e in emails)
        {
            var tld = e[(e.LastIndexOf('.') + 1)..];
            if (tld.Length != 2 || GenericCountryDomains.Contains(tld)) continue;
            var code = tld.Equals("uk", StringComparison.OrdinalIgnoreCase) ? "GB" : tld.ToUpperInvariant();
            if (Heuristic.Geo.CountryByCode(code) is { } c) return c.Code;
        }
        return null;
    }

    static WorkExperience FinalizeJob(WorkExperience job, DateOnly asOf)
    {
        bool current = job.IsCurrent || (job.End is { } e && DateParser.IsPresent(e.Raw));
        var end = job.End;
        if (current && end is not null && end.Iso is null) end = end with { Iso = $"{asOf.Year:D4}-{asOf.Month:D2}", Precision = DatePrecision.Month };
        return job with { Start = Fill(job.Start), End = current ? end : Fill(end), IsCurrent = current };
    }

    static PartialDate? Fill(PartialDate? d)
    {
        if (d is null || d.Iso is not null) return d;
        var parsed = DateParser.ParseSingle(d.Raw);
        return parsed is null ? d : d with { Iso = parsed.Iso, Precision = parsed.Precision };
    }

    static Derived Derive(List<WorkExperience> jobs, List<Education> education, DateOnly asOf)
    {
        var intervals = jobs.Select(j => ExperienceMath.ToInterval(j, asOf)).OfType<ExperienceMath.Interval>().ToList();
        var current = jobs.FirstOrDefault(j => j.IsCurrent)
            ?? jobs.Where(j => j.End?.Iso is not null).OrderByDescending(j => j.End!.Iso, StringComparer.Ordinal).FirstOrDefault();
        var highest = education.Select(e => e.DegreeLevel).Where(l => DegreeLevels.Rank(l) > 0).OrderByDescending(DegreeLevels.Rank).FirstOrDefault();
        return new Derived
        {
            TotalExperienceMonths = ExperienceMath.TotalMonths(intervals),
            Gaps = ExperienceMath.Gaps(intervals),
            CurrentTitle = current?.Title,
            CurrentEmployer = current?.Employer,
            HighestEducationLevel = highest,
        };
    }
}
