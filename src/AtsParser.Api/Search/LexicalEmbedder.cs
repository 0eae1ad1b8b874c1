using AtsParser.Api.Storage;
using System.Text;
using System.Text.RegularExpressions;

namespace AtsParser.Api.Search;

/// <summary>
/// The offline default: feature hashing of words, word pairs and character trigrams into 1536 signed buckets,
/// with sublinear term frequency, L2-normalised. Deterministic and free, but lexical, not semantic: it matches
/// shared words and spellings ("accountant" ~ "accounting"), not meanings ("bookkeeper").
/// </summary>
public sealed partial class LexicalEmbedder : IEmbedder
{
    public const string ModelName = "lexical-v1";

    public string Model => ModelName;

    public Task<float[]> EmbedAsync(string text, CancellationToken ct) => Task.FromResult(Embed(text));

    public static float[] Embed(string text)
    {
        var features = new Dictionary<uint, float>();
        string? previous = null;
        foreach (var word in Words(text))
        {
            Add(features, "w:" + word, 1f);
            if (previous is not null) Add(features, "b:" + previous + " " + word, 0.7f);
            previous = word;
            var padded = "<" + word + ">";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(features, "c:" + padded.Substring(i, 3), 0.25f);
        }
        var v = new float[EmbeddingSpace.Dimensions];
        foreach (var (hash, weight) in features)
        {
            // Sublinear tf above one occurrence: a word repeated ten times should not drown everything else.
            var w = weight <= 1f ? weight : 1f + MathF.Log(weight);
            v[hash % EmbeddingSpace.Dimensions] += (hash & 0x8000_0000) == 0 ? w : -w;
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    /// <summary>Lower-cased words without stop words; keeps c++, c#, node.js, .net-style tokens together.</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (Match m in WordRegex().Matches(text.ToLowerInvariant()))
        {
            var w = m.Value.TrimEnd('.');
            if (w.Length < 2 && !char.IsDigit(w[0]) && w != "c" && w != "r") continue;
            if (StopWords.Contains(w)) continue;
            yield return w;
        }
    }

    // Counts are accumulated per feature first (weight sums), so repeated features get the log damping above.
    static void Add(Dictionary<uint, float> features, string feature, float weight)
    {
        var h = Fnv1a(feature);
        features[h] = features.GetValueOrDefault(h) + weight;
    }

    static uint Fnv1a(string s)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(s)) { hash ^= b; hash *= 16777619u; }
        return hash;
    }

    [GeneratedRegex(@"\.?[\p{L}\p{N}][\p{L}\p{N}+#.]*")]
    private static partial Regex WordRegex();

    static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is", "are", "was", "were", "be",
        "been", "being", "this", "that", "these", "those", "it", "its", "we", "you", "your", "our", "they", "their", "he", "she", "his", "her",
        "i", "me", "my", "will", "would", "should", "can", "could", "may", "must", "shall", "have", "has", "had", "do", "does", "did", "not",
        "no", "but", "if", "than", "then", "so", "such", "into", "over", "under", "about", "also", "etc", "who", "which", "what", "when",
        "where", "how", "all", "any", "each", "other", "some", "more", "most", "very", "per", "via", "up", "out", "within", "across",
    ];
}
