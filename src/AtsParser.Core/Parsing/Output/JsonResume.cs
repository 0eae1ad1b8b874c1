using System.Text.Json.Serialization;

namespace AtsParser.Core.Parsing.Output;

// JSON Resume (https://jsonresume.org/schema, v1.0.0): the sections an ATS import needs. Dates are ISO 8601 at
// the precision known (YYYY, YYYY-MM, YYYY-MM-DD); a missing endDate means "present", as the standard says.

public sealed record JsonResumeDocument
{
    [JsonPropertyName("$schema")] public string Schema { get; init; } = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";
    public required JsonResumeBasics Basics { get; init; }
    public List<JsonResumeWork> Work { get; init; } = [];
    public List<JsonResumeEducation> Education { get; init; } = [];
    public List<JsonResumeSkill> Skills { get; init; } = [];
    public List<JsonResumeLanguage> Languages { get; init; } = [];
    public List<JsonResumeProject> Projects { get; init; } = [];
    public List<JsonResumeAward> Awards { get; init; } = [];
    public List<JsonResumeCertificate> Certificates { get; init; } = [];
    public JsonResumeMeta Meta { get; init; } = new();
}

public sealed record JsonResumeBasics
{
    public string? Name { get; init; }
    public string? Label { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Url { get; init; }
    public string? Summary { get; init; }
    public JsonResumeLocation? Location { get; init; }
    public List<JsonResumeProfile> Profiles { get; init; } = [];
}

public sealed record JsonResumeLocation(string? Address, string? City, string? Region, string? CountryCode);
public sealed record JsonResumeProfile(string Network, string? Username, string Url);

public sealed record JsonResumeWork
{
    public string? Name { get; init; }
    public string? Position { get; init; }
    public string? Location { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string? Summary { get; init; }
    public List<string> Highlights { get; init; } = [];
}

public sealed record JsonResumeEducation
{
    public string? Institution { get; init; }
    public string? Area { get; init; }
    public string? StudyType { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string? Score { get; init; }
}

public sealed record JsonResumeSkill(string Name, List<string> Keywords);
public sealed record JsonResumeLanguage(string Language, string? Fluency);
public sealed record JsonResumeProject(string Name, string? Description, string? Url);
public sealed record JsonResumeAward(string Title, string? Date, string? Awarder);
public sealed record JsonResumeCertificate(string Name, string? Date, string? Issuer);

public sealed record JsonResumeMeta
{
    public string Version { get; init; } = "v1.0.0";
    /// <summary>Where this rendering came from: our schema version and parser.</summary>
    public string? Source { get; init; }
}
