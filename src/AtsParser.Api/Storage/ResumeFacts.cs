using AtsParser.Core.Parsing;

namespace AtsParser.Api.Storage;

/// <summary>The fields of a parsed resume that storage filters and search explanations use, normalised once at write time.</summary>
public sealed record ResumeFacts(string? CandidateName, string? Location, string[] Skills, string[] Titles, int? ExperienceMonths)
{
    public static ResumeFacts From(ParseResult result)
    {
        var r = result.Resume;
        if (r is null) return new(null, null, [], [], null);
        return new(
            r.Candidate.Name?.Raw,
            r.Candidate.Location?.Raw,
            r.Skills.Select(s => Normalize(s.Name)).Where(s => s.Length > 0).Distinct().ToArray(),
            r.WorkExperience.Select(w => Normalize(w.Title)).Where(t => t.Length > 0).Distinct().ToArray(),
            r.Derived.TotalExperienceMonths);
    }

    public static string Normalize(string? value) => string.Join(' ', (value ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Structured filters shared by the list endpoint and search. Skills must all match; title and location are substrings.</summary>
public sealed record ResumeFilters
{
    public string[]? Skills { get; init; }
    public string? Title { get; init; }
    public string? Location { get; init; }
    public int? MinExperienceMonths { get; init; }

    public string[] NormalizedSkills => (Skills ?? []).Select(ResumeFacts.Normalize).Where(s => s.Length > 0).Distinct().ToArray();
    public string? NormalizedTitle => string.IsNullOrWhiteSpace(Title) ? null : ResumeFacts.Normalize(Title);
    public string? TrimmedLocation => string.IsNullOrWhiteSpace(Location) ? null : Location.Trim();
}
