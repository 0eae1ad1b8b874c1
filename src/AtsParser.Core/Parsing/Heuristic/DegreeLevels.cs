using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Degree level from the degree text, using the degrees data file.</summary>
public static class DegreeLevelClassifier
{
    static readonly (string Level, string[] Words)[] Table = DataFiles.ReadTsv("degrees.tsv")
        .Select(r => (r[0], r[1].Split('|').Select(TextNormalizer.Fold).ToArray())).ToArray();

    static readonly string[] InstitutionWords = new[]
    {
        "university", "universitat", "universität", "universidad", "universidade", "universite", "université", "universita", "college", "institute",
        "institut", "instituto", "school", "schule", "escuela", "ecole", "école", "escola", "academy", "akademie", "academia", "polytechnic",
        "hochschule", "iut", "gymnasium", "lycee", "lycée", "liceo", "colegio", "seminary", "conservatory", "fachhochschule", "campus", "iit", "nit",
        "大学", "学院", "中学", "תיכון", "מכללה", "מכללת", "אוניברסיטה", "אוניברסיטת", "מרכז", "טכניון", "faculdade", "faculdad", "facultad", "faculté", "universidad", "politecnico", "politécnico",
    }.Select(TextNormalizer.Fold).Distinct().ToArray();

    public static string? Level(string? degree)
    {
        if (string.IsNullOrWhiteSpace(degree)) return null;
        var folded = " " + Tokenise(TextNormalizer.Fold(degree)) + " ";
        foreach (var (level, words) in Table)
            foreach (var w in words)
                if (Contains(folded, w)) return level;
        return null;
    }

    public static bool IsDegree(string text) => Level(text) is not null;

    public static bool IsInstitution(string text)
    {
        var folded = " " + Tokenise(TextNormalizer.Fold(text)) + " ";
        return InstitutionWords.Any(w => Contains(folded, w)) || OpenVocabulary.IsUniversity(text);
    }

    static bool Contains(string folded, string word) =>
        word.Any(NameExtractor.IsCjk) || word.Any(c => c is >= '\u05D0' and <= '\u05EA')
            ? folded.Contains(word, StringComparison.Ordinal)
            : folded.Contains(" " + word + " ", StringComparison.Ordinal);

    // Punctuation around words becomes spaces, but dots inside abbreviations ("b.s.", "m.sc") stay.
    static string Tokenise(string s)
    {
        var chars = s.Select(c => char.IsLetterOrDigit(c) || c is '.' or '\'' or '-' ? c : ' ').ToArray();
        var t = new string(chars);
        return string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length > 2 && w.EndsWith('.') && w.Count(c => c == '.') == 1 ? w.TrimEnd('.') : w));
    }
}
