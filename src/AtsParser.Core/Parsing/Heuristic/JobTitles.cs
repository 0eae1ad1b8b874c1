using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Scores text fragments as job titles or employers using the job-words data file.</summary>
public static class JobTitles
{
    static readonly HashSet<string> TitleWords = Load("title");
    static readonly HashSet<string> CompanyWords = Load("company");

    static HashSet<string> Load(string kind) => DataFiles.ReadTsv("job-words.tsv")
        .Where(r => r.Length >= 2 && r[0] == kind)
        .SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(TextNormalizer.Fold)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsTitleWord(string word)
    {
        var w = TextNormalizer.Fold(word.Trim('.', ',', '(', ')', ':'));
        return TitleWords.Contains(w) || OpenVocabulary.IsTitleHead(w);
    }

    /// <summary>Title words (job-words and ESCO head words) count one each; a whole ESCO occupation label counts two more.</summary>
    public static int TitleScore(string fragment) => Words(fragment).Count(w => TitleWords.Contains(w) || TitleWords.Contains(w.TrimEnd('.')) || OpenVocabulary.IsTitleHead(w))
        + (ContainsCjkTitle(fragment) ? 1 : 0) + (OpenVocabulary.HasKnownTitle(fragment) ? 2 : 0);

    /// <summary>Company words count one each; a registered legal form at the end or a known university counts two more.</summary>
    public static int CompanyScore(string fragment) => Words(fragment).Count(w => CompanyWords.Contains(w) || CompanyWords.Contains(w.TrimEnd('.')))
        + (fragment.Contains('"') || fragment.Contains('“') ? 1 : 0)
        + (OpenVocabulary.EndsWithLegalForm(fragment) || OpenVocabulary.IsUniversity(fragment) ? 2 : 0);

    static bool ContainsCjkTitle(string fragment) =>
        fragment.Any(NameExtractor.IsCjk) && TitleWords.Any(t => t.Any(NameExtractor.IsCjk) && fragment.Contains(t, StringComparison.Ordinal));

    static IEnumerable<string> Words(string fragment) =>
        TextNormalizer.Fold(fragment).Split([' ', ',', '/', '&', '(', ')', '|', '-', '–', ':'], StringSplitOptions.RemoveEmptyEntries);
}
