using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>An answer key in the corpus format (truth/&lt;file&gt;.json): values as printed, [] or null meaning "absent".</summary>
public sealed record TruthKey
{
    public string File { get; init; } = "";
    public string? Sha256 { get; init; }
    public string? Name { get; init; }
    public List<string> Emails { get; init; } = [];
    public List<string> Phones { get; init; } = [];
    public string? Location { get; init; }
    public List<string> Links { get; init; } = [];
    public List<TruthJob>? Experience { get; init; }
    public List<TruthSchool>? Education { get; init; }
    public List<string> Skills { get; init; } = [];
    public List<string> Certifications { get; init; } = [];
    public List<string> Languages { get; init; } = [];

    static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static TruthKey Load(string path) =>
        JsonSerializer.Deserialize<TruthKey>(System.IO.File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is not an answer key.");
}

public sealed record TruthJob(string? Title, string? Company, string? Start, string? End, string? Location);

public sealed record TruthSchool(string? Degree, string? Institution, string? Start, string? End);

/// <summary>The fields the evaluator scores, in report order.</summary>
public static class EvalFields
{
    public const string Name = "name", Email = "email", Phone = "phone", Links = "links", Titles = "titles", Employers = "employers",
        Degrees = "degrees", Institutions = "institutions", Skills = "skills", Languages = "languages", Certifications = "certifications";

    public static readonly string[] All = [Name, Email, Phone, Links, Titles, Employers, Degrees, Institutions, Skills, Languages, Certifications];

    [JsonIgnore] public static IReadOnlySet<string> Known { get; } = All.ToHashSet();
}
