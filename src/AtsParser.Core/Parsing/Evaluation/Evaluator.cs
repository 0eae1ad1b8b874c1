using AtsParser.Core.Parsing.Grounding;

namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>
/// Scores one parsed resume against its answer key. Contacts, skills, languages and certifications are sets per document;
/// jobs and schools are paired by best title+employer (degree+institution) similarity first, then each side is compared
/// exactly (casefold, whitespace) and fuzzily (token-set ≥ 0.8).
/// </summary>
public sealed class Evaluator
{
    public Dictionary<string, FieldScore> Exact { get; } = EvalFields.All.ToDictionary(f => f, _ => new FieldScore());
    public Dictionary<string, FieldScore> Fuzzy { get; } = EvalFields.All.ToDictionary(f => f, _ => new FieldScore());
    public List<Mismatch> Mismatches { get; } = [];
    public Dictionary<string, ReachableScore> Reachable { get; } = EvalFields.All.ToDictionary(f => f, _ => new ReachableScore());
    public Calibration Calibration { get; } = new();

    /// <summary>Scores the resume; with the extracted text (and link targets), also counts which truth values were reachable.</summary>
    public void Score(TruthKey key, Resume resume, string? text = null, IReadOnlyList<string>? links = null)
    {
        var file = key.File;
        if (text is not null) Reachability.Count(key, new SourceIndex(text, links ?? []), Reachable);
        Single(file, EvalFields.Name, key.Name, resume.Candidate.Name?.Raw);
        Set(file, EvalFields.Email, key.Emails, resume.Candidate.Emails, Matching.Email);
        Set(file, EvalFields.Phone, key.Phones, resume.Candidate.Phones.Select(p => p.Raw), Matching.Phone);
        Set(file, EvalFields.Links, key.Links, resume.Candidate.Links.Select(l => l.Url), Matching.Link);
        Set(file, EvalFields.Skills, key.Skills, resume.Skills.Where(s => s.Sources.Contains("skills")).Select(s => s.Raw), Matching.Text);
        Set(file, EvalFields.Languages, key.Languages, resume.Languages.Select(l => l.Raw ?? l.Name), Matching.Text);
        Set(file, EvalFields.Certifications, key.Certifications, resume.Certifications.Select(c => c.Name), Matching.Text);
        var jobs = Paired(file, EvalFields.Titles, EvalFields.Employers,
            (key.Experience ?? []).Select(j => (j.Title, j.Company)).ToList(), resume.WorkExperience.Select(j => (j.Title, j.Employer)).ToList());
        for (int i = 0; i < resume.WorkExperience.Count; i++) Calibration.Add(Calibration.Jobs, resume.WorkExperience[i].Confidence, jobs.Contains(i));
        var schools = Paired(file, EvalFields.Degrees, EvalFields.Institutions,
            (key.Education ?? []).Select(e => (e.Degree, e.Institution)).ToList(), resume.Education.Select(e => (e.Degree, e.Institution)).ToList());
        for (int i = 0; i < resume.Education.Count; i++) Calibration.Add(Calibration.Education, resume.Education[i].Confidence, schools.Contains(i));
    }

    void Single(string file, string field, string? expected, string? predicted)
    {
        var e = Matching.Text(expected);
        var p = Matching.Text(predicted);
        int tp = e.Length > 0 && e == p ? 1 : 0;
        int fp = p.Length > 0 && tp == 0 ? 1 : 0;
        int fn = e.Length > 0 && tp == 0 ? 1 : 0;
        Exact[field].Add(tp, fp, fn);
        Fuzzy[field].Add(tp, fp, fn);
        if (fn > 0) Mismatches.Add(new(file, field, "missed", expected!));
        if (fp > 0) Mismatches.Add(new(file, field, "extra", predicted!));
    }

    void Set(string file, string field, IEnumerable<string> expected, IEnumerable<string> predicted, Func<string, string> normalise)
    {
        var e = expected.Select(x => (Raw: x, Key: normalise(x))).Where(x => x.Key.Length > 0).DistinctBy(x => x.Key).ToList();
        var p = predicted.Select(x => (Raw: x, Key: normalise(x))).Where(x => x.Key.Length > 0).DistinctBy(x => x.Key).ToList();
        var keys = e.Select(x => x.Key).ToHashSet();
        int tp = p.Count(x => keys.Contains(x.Key));
        Exact[field].Add(tp, p.Count - tp, e.Count - tp);
        Fuzzy[field].Add(tp, p.Count - tp, e.Count - tp);
        var predictedKeys = p.Select(x => x.Key).ToHashSet();
        foreach (var x in e.Where(x => !predictedKeys.Contains(x.Key))) Mismatches.Add(new(file, field, "missed", x.Raw));
        foreach (var x in p.Where(x => !keys.Contains(x.Key))) Mismatches.Add(new(file, field, "extra", x.Raw));
    }

    /// <summary>Scores both sides of paired entries; returns the predicted entries that are entirely right (both sides exact).</summary>
    HashSet<int> Paired(string file, string firstField, string secondField, List<(string? A, string? B)> expected, List<(string? A, string? B)> predicted)
    {
        var pairs = new List<(int E, int P)>();
        var candidates = from e in Enumerable.Range(0, expected.Count)
                         from p in Enumerable.Range(0, predicted.Count)
                         let s = Matching.TokenSet(expected[e].A, predicted[p].A) + Matching.TokenSet(expected[e].B, predicted[p].B)
                         where s > 0
                         orderby s descending, e, p
                         select (e, p);
        var usedE = new HashSet<int>();
        var usedP = new HashSet<int>();
        foreach (var (e, p) in candidates)
        {
            if (usedE.Contains(e) || usedP.Contains(p)) continue;
            usedE.Add(e);
            usedP.Add(p);
            pairs.Add((e, p));
        }
        Side(file, firstField, expected.Select(x => x.A).ToList(), predicted.Select(x => x.A).ToList(), pairs);
        Side(file, secondField, expected.Select(x => x.B).ToList(), predicted.Select(x => x.B).ToList(), pairs);
        return pairs.Where(x => Matching.Text(expected[x.E].A) == Matching.Text(predicted[x.P].A) && Matching.Text(expected[x.E].B) == Matching.Text(predicted[x.P].B))
            .Select(x => x.P).ToHashSet();
    }

    void Side(string file, string field, List<string?> expected, List<string?> predicted, List<(int E, int P)> pairs)
    {
        int exact = 0, fuzzy = 0;
        var matchedE = new HashSet<int>();
        var matchedP = new HashSet<int>();
        foreach (var (e, p) in pairs)
        {
            if (Matching.Text(expected[e]).Length == 0 || Matching.Text(predicted[p]).Length == 0) continue;
            if (Matching.Text(expected[e]) == Matching.Text(predicted[p])) { exact++; matchedE.Add(e); matchedP.Add(p); }
            if (Matching.TokenSet(expected[e], predicted[p]) >= 0.8) fuzzy++;
        }
        int eCount = expected.Count(x => Matching.Text(x).Length > 0), pCount = predicted.Count(x => Matching.Text(x).Length > 0);
        Exact[field].Add(exact, pCount - exact, eCount - exact);
        Fuzzy[field].Add(fuzzy, pCount - fuzzy, eCount - fuzzy);
        for (int i = 0; i < expected.Count; i++) if (!matchedE.Contains(i) && Matching.Text(expected[i]).Length > 0) Mismatches.Add(new(file, field, "missed", expected[i]!));
        for (int i = 0; i < predicted.Count; i++) if (!matchedP.Contains(i) && Matching.Text(predicted[i]).Length > 0) Mismatches.Add(new(file, field, "extra", predicted[i]!));
    }
}
