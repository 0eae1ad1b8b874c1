using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>
/// What the model is asked for: only values it must read from the text, as printed. Dates stay raw; ISO dates,
/// E.164 phones, degree levels, derived fields and quality are computed in code. Strict mode needs every
/// property required and additionalProperties false; an absent value is null or an empty array.
/// </summary>
public static class ExtractionSchema
{
    public const string Name = "resume_extraction";

    public static readonly BinaryData Json = BinaryData.FromString(Build().ToJsonString());

    static JsonObject Build() => Obj(
        ("name", Nullable(Obj(("full", Str()), ("given", NStr()), ("family", NStr())))),
        ("headline", NStr()), ("summary", NStr()),
        ("emails", Arr(Str())), ("phones", Arr(Str())), ("location", NStr()), ("links", Arr(Str())),
        ("work", Arr(Obj(("title", NStr()), ("employer", NStr()), ("location", NStr()), ("start", NStr()), ("end", NStr()),
            ("description", NStr()), ("highlights", Arr(Str()))))),
        ("education", Arr(Obj(("institution", NStr()), ("degree", NStr()), ("fieldOfStudy", NStr()), ("start", NStr()), ("end", NStr()), ("grade", NStr())))),
        ("skills", Arr(Obj(("name", Str()), ("section", NStr())))),
        ("certifications", Arr(Obj(("name", Str()), ("issuer", NStr()), ("date", NStr())))),
        ("languages", Arr(Obj(("name", Str()), ("level", NStr())))),
        ("projects", Arr(Obj(("name", Str()), ("description", NStr()), ("url", NStr())))),
        ("awards", Arr(Obj(("title", Str()), ("issuer", NStr()), ("date", NStr())))));

    static JsonObject Obj(params (string Name, JsonNode Schema)[] props)
    {
        var properties = new JsonObject();
        foreach (var (name, schema) in props) properties[name] = schema;
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(props.Select(p => (JsonNode)p.Name).ToArray()),
            ["additionalProperties"] = false,
        };
    }

    static JsonObject Str() => new() { ["type"] = "string" };
    static JsonObject NStr() => new() { ["type"] = new JsonArray("string", "null") };
    static JsonObject Arr(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    static JsonObject Nullable(JsonObject obj)
    {
        obj["type"] = new JsonArray("object", "null");
        return obj;
    }

    public static readonly JsonSerializerOptions Serializer = new(JsonSerializerDefaults.Web);
}

public sealed record ExtractedResume
{
    public ExtractedName? Name { get; init; }
    public string? Headline { get; init; }
    public string? Summary { get; init; }
    public List<string> Emails { get; init; } = [];
    public List<string> Phones { get; init; } = [];
    public string? Location { get; init; }
    public List<string> Links { get; init; } = [];
    public List<ExtractedJob> Work { get; init; } = [];
    public List<ExtractedEducation> Education { get; init; } = [];
    public List<ExtractedSkill> Skills { get; init; } = [];
    public List<ExtractedCertification> Certifications { get; init; } = [];
    public List<ExtractedLanguage> Languages { get; init; } = [];
    public List<ExtractedProject> Projects { get; init; } = [];
    public List<ExtractedAward> Awards { get; init; } = [];
}

public sealed record ExtractedName(string Full, string? Given, string? Family);
public sealed record ExtractedJob(string? Title, string? Employer, string? Location, string? Start, string? End, string? Description, List<string>? Highlights);
public sealed record ExtractedEducation(string? Institution, string? Degree, string? FieldOfStudy, string? Start, string? End, string? Grade);
public sealed record ExtractedSkill(string Name, string? Section);
public sealed record ExtractedCertification(string Name, string? Issuer, string? Date);
public sealed record ExtractedLanguage(string Name, string? Level);
public sealed record ExtractedProject(string Name, string? Description, string? Url);
public sealed record ExtractedAward(string Title, string? Issuer, string? Date);
