using AtsParser.Core.Parsing.Grounding;

namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>Of a field's truth values, how many appear in the extraction at all (text or link targets): the parser's ceiling.</summary>
public sealed class ReachableScore
{
    public int Values { get; set; }
    public int Found { get; set; }
    public double Share => Values == 0 ? 1 : (double)Found / Values;
}

/// <summary>
/// Looks each truth value up in the extracted text and link targets with the grounding's forms (accents, case, dashes and
/// spacing folded; e-mails and URLs lower-cased; phones by their digits).
/// </summary>
public static class Reachability
{
    public static void Count(TruthKey key, SourceIndex source, IReadOnlyDictionary<string, ReachableScore> into)
    {
        Add(into[EvalFields.Name], key.Name is null ? [] : [key.Name], source.ContainsText);
        Add(into[EvalFields.Email], key.Emails, source.ContainsEmail);
        Add(into[EvalFields.Phone], key.Phones, source.ContainsPhone);
        Add(into[EvalFields.Links], key.Links, source.ContainsUrl);
        Add(into[EvalFields.Titles], (key.Experience ?? []).Select(j => j.Title), source.ContainsText);
        Add(into[EvalFields.Employers], (key.Experience ?? []).Select(j => j.Company), source.ContainsText);
        Add(into[EvalFields.Degrees], (key.Education ?? []).Select(e => e.Degree), source.ContainsText);
        Add(into[EvalFields.Institutions], (key.Education ?? []).Select(e => e.Institution), source.ContainsText);
        Add(into[EvalFields.Skills], key.Skills, source.ContainsText);
        Add(into[EvalFields.Languages], key.Languages, source.ContainsText);
        Add(into[EvalFields.Certifications], key.Certifications, source.ContainsText);
    }

    static void Add(ReachableScore score, IEnumerable<string?> values, Func<string, bool> found)
    {
        foreach (var v in values.OfType<string>().Where(v => Matching.Text(v).Length > 0))
        {
            score.Values++;
            if (found(v)) score.Found++;
        }
    }
}
