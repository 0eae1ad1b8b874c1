using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Scores text fragments as job titles or employers using the job-words data file.</summary>
public static partial class JobTitles
{
    static readonly HashSet<string> TitleWords = Load("title");
    static readonly HashSet<string> CompanyWords = Load("company");

    static HashSet<string> Load(string kind) => DataFiles.ReadTsv("job-words.tsv")
        .Where(r => r.Length >= 2 && r[0] == kind)
        .SelectMany(r => r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(TextNormalizer.Fold)
        .ToHashSet(StringComparer.Ordinal);

    // Only the hand-kept words: ESCO head words include surnames (Baker, Porter, Mason) and would reject names.
    public static bool IsTitleWord(string word) => TitleWords.Contains(TextNormalizer.Fold(word.Trim('.', ',', '(', ')', ':')));

    /// <summary>Title words (job-words and ESCO head words) count one each; a whole ESCO occupation label counts two more.</summary>
    public static int TitleScore(string fragment) => (titleScores ??= new()).Get(fragment, ComputeTitleScore);

    /// <summary>Company words count one each; a registered legal form at the end or a known university counts two more.</summary>
    public static int CompanyScore(string fragment) => (companyScores ??= new()).Get(fragment, ComputeCompanyScore);

    // Role assignment scores the same fragments again and again (ordering, tie-breaks, confidence).
    [ThreadStatic] static ParseMemo.Cache<int>? titleScores, companyScores;

    internal static int ComputeTitleScore(string fragment) => Words(fragment.Contains('&') ? FirmAmpersand().Replace(fragment, " ") : fragment).Count(w => TitleWords.Contains(w) || TitleWords.Contains(w.TrimEnd('.')) || OpenVocabulary.IsTitleHead(w) || IsGermanCompoundTitle(w))
        + (ContainsCjkTitle(fragment) ? 1 : 0) + (OpenVocabulary.HasKnownTitle(fragment) ? 2 : 0);

    internal static int ComputeCompanyScore(string fragment) => Words(fragment).Count(w => CompanyWords.Contains(w) || CompanyWords.Contains(w.TrimEnd('.')))
        + (fragment.Contains('"') || fragment.Contains('“') ? 1 : 0)
        + Math.Max(OpenVocabulary.LegalFormStrength(fragment), OpenVocabulary.IsUniversity(fragment) ? 2 : 0)
        + (fragment.Contains('&') && FirmAmpersand().IsMatch(fragment) ? 2 : 0) + CjkCompany(fragment);

    /// <summary>Chinese writes no spaces: "杭州云帆网络科技有限公司" ends in its legal form (2), "…研究所" holds a company word (1).</summary>
    static int CjkCompany(string fragment)
    {
        var t = fragment.Trim().TrimEnd(')', '）');
        if (!NameExtractor.HasCjk(t)) return 0;
        int best = 0;
        foreach (var w in CjkCompanyWords)
            if (t.EndsWith(w, StringComparison.Ordinal) && t.Length > w.Length) return 2;
            else if (t.Contains(w, StringComparison.Ordinal)) best = 1;
        return best;
    }

    static readonly string[] CjkCompanyWords = [.. CompanyWords.Where(w => w.Any(NameExtractor.IsCjk))];

    // "Brandt & Partner", "Meyer & Söhne", "Dupont & Cie", "Smith & Associates": a firm's name, and "Partner" in it is no title.
    [GeneratedRegex(@"&\s*(?:Partner|Partners|Partnerin|Co\.?|Cie\.?|Söhne|Sons|Associates|Associés|Asociados)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    private static partial Regex FirmAmpersand();

    // German compounds end in their head: "Softwareentwickler", "Vertriebsleiterin", "Finanzbuchhalter".
    static readonly string[] GermanHeads = ["entwickler", "leiter", "ingenieur", "berater", "manager", "administrator", "techniker", "kaufmann", "kauffrau",
        "referent", "assistent", "buchhalter", "verkaufer", "mitarbeiter", "spezialist", "koordinator", "architekt", "designer", "analyst", "trainer",
        "informatiker", "elektroniker", "mechaniker", "mechatroniker", "planer", "pfleger", "erzieher", "lehrer", "bearbeiter", "betreuer", "disponent",
        "controller", "konstrukteur", "fachkraft", "kaufleute", "wirt", "arbeiter", "meister", "helfer", "gestalter", "fuhrer"];

    static bool IsGermanCompoundTitle(string w)
    {
        if (w.Length < 9) return false;
        var core = w.EndsWith("in", StringComparison.Ordinal) && !w.EndsWith("ingenieur", StringComparison.Ordinal) ? w[..^2] : w;
        foreach (var h in GermanHeads) if (core.Length > h.Length + 2 && core.EndsWith(h, StringComparison.Ordinal)) return true;
        return false;
    }

    static bool ContainsCjkTitle(string fragment) =>
        NameExtractor.HasCjk(fragment) && CjkTitleWords.Any(t => fragment.Contains(t, StringComparison.Ordinal));

    static readonly string[] CjkTitleWords = [.. TitleWords.Where(w => w.Any(NameExtractor.IsCjk))];

    static IEnumerable<string> Words(string fragment) =>
        TextNormalizer.Fold(fragment).Split([' ', ',', '/', '&', '(', ')', '|', '-', '–', ':'], StringSplitOptions.RemoveEmptyEntries);
}
