using System.Buffers;
using System.Text;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>A cheap document-language guess: script first (he, zh, ja, ko, ru, ar), then stop-word counts for Latin scripts.</summary>
public static class LanguageDetector
{
    static readonly (string Code, string[] Words)[] StopWords =
    [
        ("en", ["the", "and", "of", "to", "in", "for", "with", "on", "at", "as", "experience", "skills", "education"]),
        ("de", ["und", "der", "die", "das", "mit", "für", "von", "im", "bei", "ausbildung", "kenntnisse", "berufserfahrung", "seit", "beruflicher", "werdegang", "sprachen", "heute"]),
        ("fr", ["et", "le", "la", "les", "des", "du", "pour", "avec", "dans", "expérience", "compétences", "formation", "professionnelle", "langues", "aujourd'hui", "au", "sur"]),
        ("es", ["y", "el", "la", "los", "las", "del", "para", "con", "en", "experiencia", "educación", "habilidades", "de", "laboral", "desde", "actualidad"]),
        ("pt", ["e", "o", "os", "as", "do", "da", "dos", "das", "para", "com", "em", "experiência", "formação", "não", "profissional", "acadêmica", "atualmente", "competências"]),
    ];

    static readonly Dictionary<string, string[]> CodesByWord = StopWords
        .SelectMany(x => x.Words.Select(w => (Word: TextNormalizer.Fold(w), x.Code)))
        .GroupBy(x => x.Word).ToDictionary(g => g.Key, g => g.Select(x => x.Code).ToArray());

    // Where the folded text splits into words: whitespace, this punctuation, and U+037E (which folds to ';').
    internal static readonly SearchValues<char> Separators = SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
        .Where(c => char.IsWhiteSpace(c) || c is ',' or '.' or ':' or ';' or '(' or ')' or '\u037E').ToArray());

    // The same separators among ASCII characters: in ASCII text the search finds the same places, vectorised.
    internal static readonly SearchValues<char> AsciiSeparators = SearchValues.Create(Enumerable.Range(0, 128).Select(i => (char)i)
        .Where(c => char.IsWhiteSpace(c) || c is ',' or '.' or ':' or ';' or '(' or ')' or '\u037E').ToArray());

    static readonly int LongestWord = CodesByWord.Keys.Max(w => w.Length);

    public static string? Detect(string text)
    {
        var sample = text.Length > 20000 ? text[..20000] : text;
        int hebrew = 0, cjk = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, latin = 0;
        foreach (var c in sample)
        {
            // Below U+0080 only an ASCII letter counts (every range below starts higher).
            if (c < '\u0080') { if (char.IsAsciiLetter(c)) latin++; continue; }
            if (c is >= '\u0590' and <= '\u05FF') hebrew++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (c is >= '\u4E00' and <= '\u9FFF') cjk++;
            else if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is >= '\u0600' and <= '\u06FF') arabic++;
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F') latin++;
        }
        int letters = hebrew + cjk + kana + hangul + cyrillic + arabic + latin;
        if (letters == 0) return null;
        if (hebrew * 5 > letters) return "he";
        if (kana * 10 > letters) return "ja";
        if (hangul * 5 > letters) return "ko";
        if (cjk * 10 > letters) return "zh";
        if (cyrillic * 3 > letters) return "ru";
        if (arabic * 3 > letters) return "ar";
        var counts = new Dictionary<string, int>();
        var lookup = CodesByWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[LongestWord];
        // Word by word, as the folded text would split: most words are ASCII and fold to lower case alone, so the text is
        // not folded (decomposed) as a whole.
        var rest = sample.AsSpan();
        var separators = Ascii.IsValid(rest) ? AsciiSeparators : Separators;
        while (rest.Length > 0)
        {
            int end = rest.IndexOfAny(separators);
            if (end < 0) end = rest.Length;
            var word = rest[..end];
            rest = rest[Math.Min(end + 1, rest.Length)..];
            if (word.Length == 0) continue;
            bool ascii = Ascii.IsValid(word);
            if (ascii && word.Length > LongestWord) continue;
            int written = 0;
            if (ascii) Ascii.ToLower(word, lower, out written);
            if (lookup.TryGetValue(ascii ? lower[..written] : TextNormalizer.Fold(word.ToString()), out var codes))
                foreach (var code in codes) counts[code] = counts.GetValueOrDefault(code) + 1;
        }
        return counts.Count == 0 ? "en" : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
    }
}
