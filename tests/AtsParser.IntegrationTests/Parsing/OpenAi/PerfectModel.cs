using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Parsing.OpenAi;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

/// <summary>
/// What a perfect model would answer for a document: its answer key, written into the extraction schema the way the
/// prompt asks (values as printed; a spoken language split into its name and its printed level; skills from the
/// skills section). Everything our side does after the model can then be measured against the same key.
/// </summary>
public static partial class PerfectModel
{
    public static ExtractedResume Answer(TruthKey key) => new()
    {
        Name = key.Name is { } n ? new ExtractedName(n, null, null) : null,
        Emails = key.Emails,
        Phones = key.Phones,
        Location = key.Location,
        Links = key.Links,
        Work = (key.Experience ?? []).Select(j => new ExtractedJob(j.Title, j.Company, j.Location, j.Start, j.End, null, [])).ToList(),
        Education = (key.Education ?? []).Select(e => new ExtractedEducation(e.Institution, e.Degree, null, e.Start, e.End, null)).ToList(),
        Skills = key.Skills.Select(s => new ExtractedSkill(s, "skills")).ToList(),
        Certifications = key.Certifications.Select(c => new ExtractedCertification(c, null, null)).ToList(),
        Languages = key.Languages.Select(Language).ToList(),
    };

    /// <summary>
    /// The key without the values that are not in the extracted text or link targets at all (checked with plain case-folded
    /// substring search, independent of grounding): what a perfect model reading this extraction could return.
    /// </summary>
    public static TruthKey Readable(TruthKey key, string text, IReadOnlyList<string> links)
    {
        var hay = Matching.Text(text + "\n" + string.Join("\n", links));
        var digits = Matching.Phone(hay);
        bool Present(string? v) => v is not null && Matching.Text(v).Length > 0 && hay.Contains(Matching.Text(v), StringComparison.Ordinal);
        string? Keep(string? v) => Present(v) ? v : null;
        return key with
        {
            Name = Keep(key.Name),
            Emails = key.Emails.Where(e => hay.Contains(Matching.Email(e), StringComparison.Ordinal)).ToList(),
            Phones = key.Phones.Where(p => Matching.Phone(p).Length > 0 && digits.Contains(Matching.Phone(p), StringComparison.Ordinal)).ToList(),
            Links = key.Links.Where(l => hay.Contains(Matching.Link(l).ToLowerInvariant(), StringComparison.Ordinal)).ToList(),
            Experience = key.Experience?.Select(j => j with { Title = Keep(j.Title), Company = Keep(j.Company) }).Where(j => j.Title is not null || j.Company is not null).ToList(),
            Education = key.Education?.Select(e => e with { Degree = Keep(e.Degree), Institution = Keep(e.Institution) }).Where(e => e.Degree is not null || e.Institution is not null).ToList(),
            Skills = key.Skills.Where(Present).ToList(),
            Certifications = key.Certifications.Where(Present).ToList(),
            Languages = key.Languages.Where(Present).ToList(),
        };
    }

    /// <summary>"Englisch (B2)" → name "Englisch", level "B2"; "French – conversational" → "French", "conversational".</summary>
    static ExtractedLanguage Language(string printed)
    {
        var m = LevelRegex().Match(printed);
        return m.Success ? new ExtractedLanguage(m.Groups["name"].Value.Trim(), m.Groups["level"].Value.Trim()) : new ExtractedLanguage(printed, null);
    }

    [GeneratedRegex(@"^(?<name>[^(:–\-,]+?)\s*(?:\((?<level>[^)]+)\)|[:–\-,]\s*(?<level>.+))$")]
    private static partial Regex LevelRegex();
}
