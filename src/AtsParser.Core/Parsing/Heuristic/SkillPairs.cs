namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Skills listed with a conjunction or slashes inside one item: "Bookkeeping and Payroll", "Node.js &amp; Express",
/// "Power BI y SQL", "HTML/CSS/JavaScript". Split only where the parts are names each (capitalised, short) and the whole
/// is no name of its own: the dictionary's ("C/C++", "CI/CD") or a fixed pair ("Research &amp; Development").
/// </summary>
static class SkillPairs
{
    static readonly string[] Conjunctions = [" and ", " & ", " y ", " und ", " et ", " e ", " und/oder ", " and/or "];

    // Pairs that name one field of work, in any of the listed languages.
    static readonly HashSet<string> FixedPairs = new[]
    {
        "research development", "profit loss", "mergers acquisitions", "learning development", "health safety", "training development",
        "sales marketing", "compensation benefits", "oil gas", "food beverage", "travel tourism", "operations maintenance", "installation maintenance",
        "forschung entwicklung", "recherche developpement", "investigacion desarrollo", "pesquisa desenvolvimento", "arts crafts", "search rescue",
        "monitoring evaluation", "procurement logistics", "planning scheduling", "supply chain logistics", "reporting analysis",
    }.ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> Split(string item, SkillDictionary dictionary)
    {
        if (dictionary.Normalize(item) is not null || item.IndexOfAny(['(', ')', '[', ']']) >= 0) return [item];
        foreach (var c in Conjunctions)
        {
            var parts = item.Split(c, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            if (parts.All(p => IsName(p) || dictionary.Normalize(p) is not null)
                && !FixedPairs.Contains(string.Join(" ", parts.Select(TextNormalizer.Fold))))
                return parts;
            return [item];
        }
        // Three or more dictionary skills between slashes; two ("LAN/WAN", "TCP/IP", "Icinga/Nagios") are often one name.
        var slashed = item.Split('/', StringSplitOptions.TrimEntries);
        if (slashed.Length >= 3 && slashed.All(p => dictionary.Normalize(p) is not null)) return slashed;
        return [item];
    }

    // A short name-like part: one or two words, the first capitalised (or a script without case), no title word
    // ("Machine Learning & Deep learning Engineer" is one headline).
    static bool IsName(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 1 or 2 && RoleSplitter.StartsName(words[0]) && part.Any(char.IsLetter) && !words.Any(JobTitles.IsTitleWord);
    }
}
