using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Splits one header fragment that holds several roles: "Title at Company" (at, @, chez, bei, en, em, na, presso, בחברת),
/// "Worked as Title at Company", and comma lists "Title, Company, City" or "Company, City", where each part's role comes
/// from its evidence (title vocabulary, legal forms, company words, capitals), never from its position alone.
/// </summary>
public static partial class RoleSplitter
{
    /// <summary>A header line with what never names a role removed: "(1 year 9 months)", "Worked as", "就职于", trailing "·".</summary>
    public static string Clean(string line)
    {
        // Each pattern only where it can match: a duration needs a figure or a bracket, "就职于" its ideographs.
        var t = line.Contains('(') || line.Any(char.IsDigit) ? Duration().Replace(line, " ") : line;
        if (t.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF')) t = ChineseWorkedAt().Replace(t, "");
        var worked = WorkedAs().Match(t);
        if (!worked.Success) return t;
        t = t[(worked.Index + worked.Length)..];
        // "Worked as Claims Adjuster in Tessaly Insurance", "… for Pellmore Distribution": after "worked as", these mean "at".
        return AtWord().IsMatch(t) ? t : WorkedFor().Replace(t, " at ", 1);
    }

    public static IEnumerable<Fragment> Split(string p, int index)
    {
        if (BestAtSplit(p) is { } split)
        {
            yield return new Fragment(split.Left, HeaderFragments.TitleLabel, index);
            foreach (var f in CommaRoles(split.Right, index, afterTitle: true)) yield return f;
            yield break;
        }
        foreach (var f in CommaRoles(p, index, afterTitle: false)) yield return f;
    }

    /// <summary>
    /// Every "at"-like word is a candidate cut ("Coordinadora de logística en frío en Ostdal SL" has two "en"); the cut kept is
    /// the one whose sides carry the most evidence: a title (vocabulary) or a non-company on the left, and on the right a
    /// capitalised name with company evidence. A registered legal form on the right stands in for a known title on the left.
    /// </summary>
    static (string Left, string Right)? BestAtSplit(string p)
    {
        (string, string)? best = null;
        int bestScore = int.MinValue;
        foreach (Match at in AtWord().Matches(p))
        {
            string left = p[..at.Index].Trim(), right = p[(at.Index + at.Length)..].Trim(' ', ',');
            if (left.Length < 2 || right.Length < 2 || left.Length > 80 || right.Length > 100) continue;
            string word = at.Groups["w"].Value.ToLowerInvariant();
            bool strongWord = word is "at" or "@" or "chez" or "bei" or "presso" or "בחברת";
            // A name starts with a capital or a digit, or is a brand in camel case ("iG", "eBay").
            if (!StartsName(right) && !char.IsDigit(right[0]) && word != "@" && !right.Split(' ')[0].Skip(1).Any(char.IsUpper)) continue;
            int leftTitle = JobTitles.TitleScore(left), leftCompany = JobTitles.CompanyScore(left);
            // "Kellwald Systemhaus GmbH, Kassel": the legal form is the name's end, before the city.
            int rightTitle = JobTitles.TitleScore(right), rightCompany = Math.Max(JobTitles.CompanyScore(right), JobTitles.CompanyScore(WithoutCity(right)));
            bool leftIsTitle = leftTitle > leftCompany || leftCompany == 0 && rightCompany >= 2 && char.IsUpper(left[0]);
            // After "at", "bei", "chez" the right side is whoever the work was for, even when it reads like a role
            // ("Web Developer at Weekend Community Developer", a freelance line in profile exports).
            bool rightIsEmployer = rightCompany > 0 || rightTitle == 0 || strongWord && leftTitle > 0;
            if (!leftIsTitle || !rightIsEmployer || !(strongWord || rightCompany > 0 || OpenVocabulary.HasKnownTitle(left))) continue;
            int score = leftTitle - leftCompany + rightCompany - rightTitle;
            if (score >= bestScore) { bestScore = score; best = (left, right); }
        }
        return best;
    }

    /// <summary>
    /// "Software Engineer, Quillon Systems" → title + employer; "Marrow Health, Denver" → employer + location;
    /// "Director, IT Operations" stays one title (the second part names a function, not an organisation).
    /// </summary>
    static IEnumerable<Fragment> CommaRoles(string p, int index, bool afterTitle)
    {
        var parts = JoinLegalForms(p.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (parts.Length < 2 || parts.Length > 4 || parts.Any(x => x.Length == 0 || TextNormalizer.SpaceParts(x) > 7))
        {
            yield return new Fragment(p, afterTitle ? HeaderFragments.EmployerLabel : null, index);
            yield break;
        }
        var roles = parts.Select(Role).ToArray();
        // "Quillon, Berlin": a last part the university list knows as a place is one, even after a one-word name; so is a
        // city of 100,000 people or more in the open city list ("…בע״מ, נתניה", "Marello SL, Zaragoza").
        if (roles[^1] == PartRole.Unknown && IsCityLike(parts[^1]) && (Geo.IsKnownPlace(parts[^1]) || LargeCity(parts[^1]))) roles[^1] = PartRole.Location;
        // A trailing short capitalised part after an organisation is its city.
        for (int k = 1; k < parts.Length; k++)
            if (roles[k] == PartRole.Unknown && IsCityLike(parts[k]) && roles[k - 1] is PartRole.Employer or PartRole.Unknown && k == parts.Length - 1 && (k > 1 || afterTitle || roles[0] == PartRole.Employer || LooksLikeOrganisation(parts[0])))
                roles[k] = PartRole.Location;
        int titles = roles.Count(r => r == PartRole.Title), employers = roles.Count(r => r == PartRole.Employer);
        bool decided = roles.Count(r => r != PartRole.Unknown) >= parts.Length - 1 && (titles <= 1 && employers <= 1) && roles.Distinct().Count() > 1;
        // "Planejador de logística refrigerada, Calholm Engenharia, Braga": a place last, two undecided parts before it stay two
        // free parts, and the document's own order (title first or employer first) decides them.
        if (!decided && !afterTitle && parts.Length == 3 && roles[2] == PartRole.Location && roles[0] == PartRole.Unknown && roles[1] == PartRole.Unknown
            && parts[..2].All(x => StartsName(x) && !IsFunction(x)))
        {
            yield return new Fragment(parts[0], null, index);
            yield return new Fragment(parts[1], null, index);
            yield return new Fragment(parts[2], HeaderFragments.LocationLabel, index);
            yield break;
        }
        if (!decided || (titles == 1 && parts.Length == 2 && roles[1] == PartRole.Unknown && IsFunction(parts[1])))
        {
            yield return new Fragment(p, afterTitle ? HeaderFragments.EmployerLabel : null, index);
            yield break;
        }
        for (int k = 0; k < parts.Length; k++)
        {
            // An undecided part takes the role its decided neighbour leaves open; with only a place decided it stays free.
            var role = roles[k] != PartRole.Unknown ? roles[k]
                : afterTitle || titles > 0 ? PartRole.Employer
                : employers > 0 ? PartRole.Title
                : PartRole.Unknown;
            if (afterTitle && role == PartRole.Title) role = PartRole.Employer;
            // A role left by elimination stays free ("Senior Engineer, Payments — Orvel Bank"): an organisation elsewhere on
            // the entry's lines, with evidence of its own, may be the employer; with none, the entry gives it the role anyway.
            if (roles[k] == PartRole.Unknown && !afterTitle) role = PartRole.Unknown;
            yield return new Fragment(parts[k], role switch
            {
                PartRole.Title => HeaderFragments.TitleLabel,
                PartRole.Location => HeaderFragments.LocationLabel,
                PartRole.Employer => HeaderFragments.EmployerLabel,
                _ => null,
            }, index);
        }
    }

    static string WithoutCity(string right)
    {
        int comma = right.LastIndexOf(", ", StringComparison.Ordinal);
        return comma > 0 && IsCityLike(right[(comma + 2)..].Trim()) ? right[..comma] : right;
    }

    /// <summary>"Corvell Networks, Inc." is one name: a part that is only a legal form joins the part before it.</summary>
    static string[] JoinLegalForms(string[] parts)
    {
        var joined = new List<string>(parts.Length);
        foreach (var part in parts)
            if (joined.Count > 0 && OpenVocabulary.IsLegalForm(part)) joined[^1] += ", " + part;
            else joined.Add(part);
        return [.. joined];
    }

    /// <summary>A short line with an organisation's or a place's evidence and no sentence ending.</summary>
    public static bool LooksLikeEntryHeader(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.EndsWith('.') && !OpenVocabulary.FullStopOfLegalForm(t) || !char.IsUpper(t[0]) || TextNormalizer.SpaceParts(t) > 8) return false;
        if (JobTitles.CompanyScore(t) > 0 || JobTitles.TitleScore(t) > 0) return true;
        var parts = t.Split(", ");
        return parts.Length is 2 or 3 && IsCityLike(parts[^1].Trim()) && LooksLikeOrganisation(parts[0]);
    }

    enum PartRole { Unknown, Title, Employer, Location }

    static PartRole Role(string part)
    {
        if (Geo.CountryNamed(part) is not null || Geo.StateCountry(part) is not null) return PartRole.Location;
        int t = JobTitles.TitleScore(part), c = JobTitles.CompanyScore(part);
        if (t > c) return PartRole.Title;
        if (c > t) return PartRole.Employer;
        return PartRole.Unknown;
    }

    static bool LooksLikeOrganisation(string part) => part.Contains(' ') && char.IsUpper(part[0]) && JobTitles.TitleScore(part) == 0;

    static bool LargeCity(string part) => Cities.Named(part) is [{ Population: >= 100_000 }, ..];

    public static bool IsCityLike(string part)
    {
        var words = part.Split(' ');
        return words.Length <= 3 && words.All(w => w.Length > 1 && (StartsName(w) || CityParticles.Contains(w))) && !part.Any(char.IsDigit);
    }

    /// <summary>
    /// A capital, or a letter of a script without case (Hebrew, Chinese): there every word "starts like a name", so
    /// the other evidence (a known place, a legal form, the position after a title) decides.
    /// </summary>
    public static bool StartsName(string s) => s.Length > 0 && (char.IsUpper(s[0]) || char.GetUnicodeCategory(s[0]) == System.Globalization.UnicodeCategory.OtherLetter);

    // Lower-case words inside place names: "Freiburg im Breisgau", "Frankfurt am Main", "Rio de Janeiro", "Stratford-upon-Avon".
    static readonly HashSet<string> CityParticles = ["am", "an", "im", "in", "on", "upon", "de", "del", "do", "da", "dos", "das", "di", "la", "le", "les", "sur", "en", "der"];

    static bool IsFunction(string part) => FunctionWords().IsMatch(part);

    [GeneratedRegex(@"\s+(?<w>at|@|chez|bei|presso|en|em|na|no|בחברת)\s+")]
    private static partial Regex AtWord();

    [GeneratedRegex(@"(?i)^\s*(?:(?:worked|working|served|serving|employed|work(?:ing)?\s+experience)\s+as|trabalhei\s+como|atuei\s+como|trabajé\s+como|me\s+desempeñé\s+como|(?:j'ai\s+)?travaillé\s+(?:comme|en\s+tant\s+que)|tätig\s+als|arbeitete\s+als)\s+(?:an?\s+|um\s+|uma\s+|una?\s+|une\s+)?")]
    private static partial Regex WorkedAs();

    // "就职于杭州云帆网络科技有限公司，担任产品经理": "employed at" before the company and "served as" before the title.
    [GeneratedRegex(@"(?:^|(?<=[\s，,；;：:]))(?:就职于|任职于|供职于|服务于|工作于|担任|出任)")]
    private static partial Regex ChineseWorkedAt();

    [GeneratedRegex(@"\s+(?:for|in|with)\s+(?=\p{Lu}|\d)")]
    private static partial Regex WorkedFor();

    // "(1 year 9 months)", "· 2 yrs 3 mos", "(8 Monate)", "(3 ans)", "(2 años)", "- 18 months".
    [GeneratedRegex(@"(?i)\(\s*less\s+than\s+a\s+(?:year|month)\s*\)|[(\[·•\-–]?\s*\b\d{1,2}(?:[.,]\d)?\+?\s+(?:years?|yrs?|months?|mos?|jahre?n?|monate?n?|ans?|mois|años?|meses|anos?|שנים|חודשים)\b(?:\s*(?:and|und|et|y|e)?\s*\d{1,2}\s+(?:months?|mos?|monate?n?|mois|meses|חודשים)\b)?\s*[)\]]?")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?i)^(?:it|hr|sales|marketing|finance|operations|engineering|product|research|development|technology|human resources|accounts?|administration|strategy|support|quality|procurement|logistics|legal|compliance)(?:\s+\w+){0,3}$")]
    private static partial Regex FunctionWords();
}
