using System.Text.RegularExpressions;

namespace AtsParser.Api.Search;

/// <summary>Relative weights of the three signals; see bench/RESULTS.md (storage section) for how they were chosen.</summary>
public sealed record HybridWeights(double Vector, double Skills, double Titles)
{
    public static readonly HybridWeights Default = new(0.6, 0.25, 0.15);
    public static readonly HybridWeights VectorOnly = new(1, 0, 0);
}

public sealed record RankedCandidate(Guid Id, double Score, double Similarity, IReadOnlyList<string> MatchedSkills, IReadOnlyList<string> MatchedTitles);

/// <summary>
/// Re-ranks vector neighbours with structured overlap: the resume's skills and job titles that the query mentions.
/// The matches double as the explanation returned to the caller.
/// </summary>
public static partial class HybridRanker
{
    public sealed record Input(Guid Id, double Distance, IReadOnlyList<string> Skills, IReadOnlyList<string> Titles);

    public static List<RankedCandidate> Rank(string query, IEnumerable<Input> candidates, HybridWeights weights)
    {
        var q = Query.Of(query);
        return candidates.Select(c =>
            {
                var similarity = 1 - c.Distance;
                var skills = c.Skills.Where(q.ContainsPhrase).ToList();
                var titles = c.Titles.Where(t => q.TitleCoverage(t) >= 0.6).ToList();
                var skillScore = skills.Count / (skills.Count + 2.0); // saturating: the fifth shared skill adds less than the first
                var titleScore = c.Titles.Count == 0 ? 0 : c.Titles.Max(q.TitleCoverage);
                var score = weights.Vector * similarity + weights.Skills * skillScore + weights.Titles * titleScore;
                return new RankedCandidate(c.Id, Math.Round(score, 4), Math.Round(similarity, 4), skills, titles);
            })
            .OrderByDescending(r => r.Score).ThenBy(r => r.Id)
            .ToList();
    }

    sealed class Query
    {
        string _padded = " ";
        HashSet<string> _words = [];

        public static Query Of(string text)
        {
            var words = Tokens(text);
            return new Query { _padded = " " + string.Join(' ', words) + " ", _words = [.. words] };
        }

        public bool ContainsPhrase(string phrase)
        {
            var tokens = Tokens(phrase);
            return tokens.Count > 0 && _padded.Contains(" " + string.Join(' ', tokens) + " ", StringComparison.Ordinal);
        }

        /// <summary>Share of the title's meaningful words that the query contains ("senior accountant" vs an accountant job: 0.5).</summary>
        public double TitleCoverage(string title)
        {
            var tokens = Tokens(title).Where(t => t.Length > 2 && !Filler.Contains(t)).Distinct().ToList();
            return tokens.Count == 0 ? 0 : tokens.Count(_words.Contains) / (double)tokens.Count;
        }
    }

    static List<string> Tokens(string text) => TokenRegex().Matches(text.ToLowerInvariant()).Select(m => m.Value.TrimEnd('.')).Where(t => t.Length > 0).ToList();

    static readonly HashSet<string> Filler = ["and", "the", "for", "with", "senior", "junior", "lead", "intern", "trainee", "assistant"];

    [GeneratedRegex(@"\.?[\p{L}\p{N}][\p{L}\p{N}+#.]*")]
    private static partial Regex TokenRegex();
}
