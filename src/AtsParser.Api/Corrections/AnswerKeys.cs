using System.Globalization;
using System.Text.Json.Nodes;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Corrections;

/// <summary>
/// A corrected resume as an answer key in the corpus format (corpus README, "Answer keys"): the same fields in the same
/// order, values as printed. Each field is read the way the evaluator reads a parse (Parsing/Evaluation/Evaluator.cs),
/// so a corrected resume scores 1.0 against its own key, and `eval` scores the parser against what people corrected.
/// </summary>
public static class AnswerKeys
{
    public static JsonObject From(CorrectedResume corrected, string file)
    {
        var r = corrected.Result;
        var resume = r.Resume ?? new Resume();
        var c = resume.Candidate;
        return new JsonObject
        {
            ["file"] = file,
            ["sha256"] = r.Document.Sha256,
            ["text_tool"] = r.Extraction.ExtractedBy,
            ["language"] = resume.Meta.Language,
            ["layout"] = "",
            ["name"] = c.Name?.Raw,
            ["emails"] = Strings(c.Emails),
            ["phones"] = Strings(c.Phones.Select(p => p.Raw)),
            ["location"] = c.Location?.Raw,
            ["links"] = Strings(c.Links.Select(l => l.Url)),
            ["experience"] = new JsonArray(resume.WorkExperience.Select(j => (JsonNode)new JsonObject
            {
                ["title"] = j.Title, ["company"] = j.Employer, ["start"] = j.Start?.Raw, ["end"] = j.End?.Raw, ["location"] = j.Location,
            }).ToArray()),
            ["education"] = new JsonArray(resume.Education.Select(e => (JsonNode)new JsonObject
            {
                ["degree"] = e.Degree, ["institution"] = e.Institution, ["end"] = e.End?.Raw, ["start"] = e.Start?.Raw,
            }).ToArray()),
            ["skills"] = Strings(resume.Skills.Where(s => s.Sources.Contains("skills")).Select(s => s.Raw)),
            ["certifications"] = Strings(resume.Certifications.Select(x => x.Name)),
            ["languages"] = Strings(resume.Languages.Select(l => l.Raw ?? l.Name)),
            ["notes"] = string.Create(CultureInfo.InvariantCulture,
                $"Exported from AtsParser corrections: the parse of resume {corrected.ResumeId} with {corrected.Corrections} correction(s) by {string.Join(", ", corrected.Reviewers)}, last on {corrected.LastCorrectedAt:yyyy-MM-dd}. Fields nobody corrected are the parser's output."),
        };
    }

    /// <summary>A file name safe for a zip entry and a folder, unique within one export.</summary>
    public static string FileNameFor(CorrectedResume corrected, ISet<string> taken)
    {
        var name = Path.GetFileName(corrected.Result.Document.FileName.Replace('\\', '/'));
        name = new string(name.Select(ch => char.IsControl(ch) || Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..") name = "resume";
        if (!taken.Add(name)) { name = corrected.Result.Document.Sha256[..12] + "-" + name; taken.Add(name); }
        return name;
    }

    static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
