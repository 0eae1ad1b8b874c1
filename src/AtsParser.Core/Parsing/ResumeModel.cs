using System.Text.Json.Serialization;

namespace AtsParser.Core.Parsing;

// Schema v1 of the structured resume (published as /schemas/resume-v1.json). Additive changes only.
// Derived fields, E.164 phones, ISO dates and quality are always filled in code, never by a model.

public sealed record Resume
{
    public Candidate Candidate { get; init; } = new();
    public string? Summary { get; init; }
    public List<WorkExperience> WorkExperience { get; init; } = [];
    public List<Education> Education { get; init; } = [];
    public List<Skill> Skills { get; init; } = [];
    public List<Certification> Certifications { get; init; } = [];
    public List<SpokenLanguage> Languages { get; init; } = [];
    public List<Project> Projects { get; init; } = [];
    public List<Award> Awards { get; init; } = [];
    public Derived Derived { get; init; } = new();
    public Quality Quality { get; init; } = new();
    public ResumeMeta Meta { get; init; } = new();
}

public sealed record Candidate
{
    public PersonName? Name { get; init; }
    public List<string> Emails { get; init; } = [];
    public List<Phone> Phones { get; init; } = [];
    public Location? Location { get; init; }
    public List<Link> Links { get; init; } = [];
    public string? Headline { get; init; }
}

public sealed record PersonName(string Raw, string? Given, string? Family);

/// <summary>E164 is set only where the country can be inferred (a + prefix, or a country from the location).</summary>
public sealed record Phone(string Raw, string? E164);

public sealed record Location(string Raw, string? City, string? Region, string? CountryCode);

public static class LinkTypes
{
    public const string LinkedIn = "linkedin", GitHub = "github", Portfolio = "portfolio", Other = "other";
}

public sealed record Link(string Url, string Type);

public static class DatePrecision
{
    public const string Year = "year", Month = "month", Day = "day";
}

/// <summary>A date as printed (`raw`), and as ISO 8601 at the precision the document gives (YYYY, YYYY-MM or YYYY-MM-DD).</summary>
public sealed record PartialDate(string Raw, string? Iso, string? Precision);

public sealed record WorkExperience
{
    public string? Title { get; init; }
    public string? Employer { get; init; }
    public string? Location { get; init; }
    public PartialDate? Start { get; init; }
    public PartialDate? End { get; init; }
    public bool IsCurrent { get; init; }
    public string? Description { get; init; }
    public List<string> Highlights { get; init; } = [];
    public string? Evidence { get; init; }
    public double Confidence { get; init; }
}

public static class DegreeLevels
{
    public const string HighSchool = "high_school", Associate = "associate", Bachelor = "bachelor", Master = "master", Doctorate = "doctorate", Other = "other";

    /// <summary>Order used for "highest education level".</summary>
    public static int Rank(string? level) => level switch
    {
        HighSchool => 1, Associate => 2, Bachelor => 3, Master => 4, Doctorate => 5, Other => 0, _ => -1,
    };
}

public sealed record Education
{
    public string? Institution { get; init; }
    public string? Degree { get; init; }
    public string? DegreeLevel { get; init; }
    public string? FieldOfStudy { get; init; }
    public PartialDate? Start { get; init; }
    public PartialDate? End { get; init; }
    public string? Grade { get; init; }
    public string? Evidence { get; init; }
    public double Confidence { get; init; }
}

/// <summary>`raw` as printed, `name` normalised through the skills dictionary; `sources` say where it was found.</summary>
public sealed record Skill(string Raw, string Name, List<string> Sources);

public sealed record Certification(string Name, string? Issuer = null, PartialDate? Date = null);

/// <summary>A spoken language: name as printed, ISO 639-1 code, level as printed, CEFR level where stated.</summary>
public sealed record SpokenLanguage(string Name, string? Code, string? Level, string? Cefr)
{
    /// <summary>The language as printed, with a level only where it is attached ("English (Native)", "英语 - 熟练").</summary>
    public string? Raw { get; init; }
}

public sealed record Project(string Name, string? Description = null, string? Url = null);

public sealed record Award(string Title, string? Issuer = null, PartialDate? Date = null);

public sealed record Gap(string Start, string End, int Months);

public sealed record Derived
{
    public int TotalExperienceMonths { get; init; }
    public List<Gap> Gaps { get; init; } = [];
    public string? CurrentTitle { get; init; }
    public string? CurrentEmployer { get; init; }
    public string? HighestEducationLevel { get; init; }
}

public static class WarningCodes
{
    public const string DateEndBeforeStart = "DATE_END_BEFORE_START", FutureEndDate = "FUTURE_END_DATE", NoContact = "NO_CONTACT",
        TextTruncated = "TEXT_TRUNCATED", LlmFallback = "LLM_FALLBACK", UnverifiedValue = "UNVERIFIED_VALUE", NoText = "NO_TEXT";
}

public sealed record QualityWarning(string Code, string Severity, string? Path, string? Message = null);

public sealed record Quality
{
    public List<QualityWarning> Warnings { get; init; } = [];
}

public sealed record ResumeMeta
{
    public string SchemaVersion { get; init; } = ResumeSchema.Version;
    /// <summary>"heuristic" or "openai".</summary>
    public string Parser { get; init; } = "heuristic";
    public string? Model { get; init; }
    public string? PromptVersion { get; init; }
    public DateOnly AsOf { get; init; }
    public string? Language { get; init; }
    public int TokensIn { get; init; }
    public int TokensOut { get; init; }
    public decimal EstimatedCostUsd { get; init; }
    public bool Truncated { get; init; }
    public Dictionary<string, long> TimingsMs { get; init; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Cache { get; init; }
    /// <summary>What input-size compaction did before the text went to a model (OpenAI parser only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Compaction.CompactionReport? Compaction { get; init; }
}

public static class ResumeSchema
{
    public const string Version = "1.0";
}
