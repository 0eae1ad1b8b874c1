using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtsParser.Synth;

/// <summary>Answer keys in the corpus format (../shared/corpus/README.md, "Answer keys"), so `eval` scores the set like the corpus.</summary>
public static class KeyWriter
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string setDir, string relativeFile, SynthResume x, SynthLayout layout)
    {
        var bytes = File.ReadAllBytes(Path.Combine(setDir, relativeFile));
        bool jobCity = Sections.PrintsJobCity(layout.Jobs);
        var key = new JsonObject
        {
            ["file"] = relativeFile,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["text_tool"] = "generated: values as written into the document",
            ["language"] = x.Language,
            ["layout"] = $"synthetic: page {layout.Page}, jobs {layout.Jobs}, education {layout.Schools}" + (layout.EducationFirst ? ", education first" : "") + (layout.SkillsAsTable ? ", skills table" : ""),
            ["name"] = x.Name,
            ["emails"] = Array(x.Email),
            ["phones"] = Array(x.Phone),
            ["location"] = x.Location,
            ["links"] = Array([.. x.Links.Select(l => l.Url)]),
            ["experience"] = new JsonArray([.. x.Jobs.Select(j => (JsonNode)new JsonObject
            {
                ["title"] = j.Title, ["company"] = j.Company, ["start"] = j.Start, ["end"] = j.End, ["location"] = jobCity ? j.City : null,
            })]),
            ["education"] = new JsonArray([.. x.Schools.Select(s => (JsonNode)new JsonObject
            {
                ["degree"] = s.Degree, ["institution"] = s.Institution, ["end"] = s.End, ["start"] = s.Start,
            })]),
            ["skills"] = Array([.. x.Skills]),
            ["certifications"] = Array([.. x.Certifications]),
            ["languages"] = Array([.. x.Languages]),
            ["notes"] = "Synthetic resume (AtsParser.Synth): invented companies, schools and titles; links labelled 'LinkedIn' carry the URL as hyperlink target only.",
        };
        var truth = Path.Combine(setDir, "truth");
        Directory.CreateDirectory(truth);
        File.WriteAllText(Path.Combine(truth, Path.GetFileName(relativeFile) + ".json"), key.ToJsonString(Options));
    }

    static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
