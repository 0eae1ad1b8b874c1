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

    // What a folded, tokenised text must contain: CJK and Hebrew words anywhere, the others as whole words.
    static readonly (string Level, string[] Needles)[] LevelNeedles = Table.Select(t => (t.Level, t.Words.Select(Needle).ToArray())).ToArray();

    static readonly string[] InstitutionNeedles = InstitutionWords.Select(Needle).ToArray();

    public static string? Level(string? degree) => string.IsNullOrWhiteSpace(degree) ? null : (levels ??= new()).Get(degree, ComputeLevel);

    // Education rows, table cells and skill columns ask about the same lines and fragments more than once.
    [ThreadStatic] static ParseMemo.Cache<string?>? levels;
    [ThreadStatic] static ParseMemo.Cache<bool>? institutions;

    internal static string? ComputeLevel(string degree)
    {
        var folded = Tokenise(TextNormalizer.Fold(degree), padded: true);
        foreach (var (level, needles) in LevelNeedles)
            foreach (var needle in needles)
                if (folded.Contains(needle, StringComparison.Ordinal)) return level;
        return null;
    }

    public static bool IsDegree(string text) => Level(text) is not null;

    /// <summary>The text is one of the file's degree words or phrases and nothing more ("Diploma", "Grado", "MSc").</summary>
    public static bool IsDegreeWord(string text) => AllWords.Contains(Tokenise(TextNormalizer.Fold(text.Trim())));

    /// <summary>
    /// A degree printed without its field, which the next line names: a written-out degree word of bachelor level or above
    /// ("Bachelor", "Diplom", "Licence", "Magister", "Doctor of Philosophy"), alone or before "of" and one to three words
    /// ("Bachelor of Science", "Master of Business Administration"). Abbreviations ("BSc", "MA") carry their field on their line.
    /// </summary>
    public static bool IsBareDegree(string text)
    {
        var t = Tokenise(TextNormalizer.Fold(text.Trim()));
        if (WrittenOut.Contains(t)) return true;
        var words = t.Split(' ');
        // The subject is a name ("Science", "Public Health"), not the start of a phrase ("Science in Physics").
        var printed = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 3 and <= 5 && printed.Length == words.Length && words[1] == "of" && OfHeads.Contains(words[0])
            && printed.Skip(2).All(w => w.All(char.IsLetter) && char.IsUpper(w[0]));
    }

    static readonly HashSet<string> AllWords = Table.SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);

    static readonly HashSet<string> WrittenOut = Table
        .Where(t => t.Level is DegreeLevels.Bachelor or DegreeLevels.Master or DegreeLevels.Doctorate)
        .SelectMany(t => t.Words).Where(w => w.Length >= 5 && w.All(c => char.IsLetter(c) || c == ' ')).ToHashSet(StringComparer.Ordinal);

    // "bachelor", "master", and "doctor" from "doctor of philosophy": words that take "of" and a subject.
    static readonly HashSet<string> OfHeads = WrittenOut.Where(w => !w.Contains(' '))
        .Concat(WrittenOut.Where(w => w.Split(' ') is [_, "of", ..]).Select(w => w.Split(' ')[0])).ToHashSet(StringComparer.Ordinal);

    public static bool IsInstitution(string text) => (institutions ??= new()).Get(text, ComputeIsInstitution);

    internal static bool ComputeIsInstitution(string text)
    {
        var folded = Tokenise(TextNormalizer.Fold(text), padded: true);
        foreach (var needle in InstitutionNeedles)
            if (folded.Contains(needle, StringComparison.Ordinal)) return true;
        return OpenVocabulary.IsUniversity(text);
    }

    static string Needle(string word) =>
        word.Any(NameExtractor.IsCjk) || word.Any(c => c is >= '\u05D0' and <= '\u05EA') ? word : " " + word + " ";

    // Punctuation around words becomes spaces, but dots inside abbreviations ("b.s.", "m.sc") stay; one word's lone final dot
    // goes ("sc." → "sc"). Padded: with a space at each end, as the needles are. One pass into one buffer, one string.
    internal static string Tokenise(string s, bool padded = false)
    {
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length + 2] : new char[s.Length + 2];
        int n = 0, first = padded ? 1 : 0;
        if (padded) buffer[n++] = ' ';
        for (int i = 0; i < s.Length;)
        {
            if (!IsWordChar(s[i])) { i++; continue; }
            int start = i, dots = 0;
            for (; i < s.Length && IsWordChar(s[i]); i++) if (s[i] == '.') dots++;
            int length = i - start;
            if (length > 2 && s[i - 1] == '.' && dots == 1) length--;
            if (n > first) buffer[n++] = ' ';
            s.AsSpan(start, length).CopyTo(buffer[n..]);
            n += length;
        }
        if (padded) buffer[n++] = ' ';
        return new string(buffer[..n]);
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '\'' or '-';
}
