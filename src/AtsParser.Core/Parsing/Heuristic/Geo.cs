using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

public sealed record Country(string Code, string CallingCode, int NationalDigits);

/// <summary>Country names, calling codes and North American state abbreviations, from embedded data files.</summary>
public static partial class Geo
{
    static readonly Dictionary<string, Country> ByName = new(StringComparer.Ordinal);
    static readonly Dictionary<string, Country> ByCode = new(StringComparer.Ordinal);
    static readonly Dictionary<string, string> States = new(StringComparer.Ordinal);
    static readonly Dictionary<string, List<string>> StatesAfterCity = new(StringComparer.Ordinal);

    static Geo()
    {
        foreach (var row in DataFiles.ReadTsv("countries.tsv"))
        {
            var c = new Country(row[0], row[1], int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture));
            ByCode[c.Code] = c;
            foreach (var name in row[3].Split('|')) ByName.TryAdd(TextNormalizer.Fold(name), c);
        }
        foreach (var row in DataFiles.ReadTsv("us-states.tsv"))
            foreach (var st in row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (row.Length < 3 || row[2] != "after-city") States.TryAdd(st, row[0]);
                (StatesAfterCity.TryGetValue(st, out var list) ? list : StatesAfterCity[st] = []).Add(row[0]);
            }
    }

    public static Country? CountryNamed(string text) => ByName.GetValueOrDefault(TextNormalizer.Fold(text.Trim(' ', '.', ',', '(', ')')));

    public static Country? CountryByCode(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    /// <summary>
    /// A city or region the open university list names ("University of Leeds", "Universität Bremen", "Universidade de Coimbra",
    /// "Lyon" from "Université de Lyon"): evidence that the last part of "Quillon, Berlin" is a place. Built once, on first use.
    /// </summary>
    public static bool IsKnownPlace(string text) => KnownPlaces.Value.Contains(TextNormalizer.Fold(text.Trim(' ', '.', ',', '(', ')')));

    // Words that make "University of X" name a subject, a founder's creed or a kind of school rather than a place.
    static readonly HashSet<string> NotPlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Technology", "Science", "Sciences", "Arts", "Applied", "Management", "Economics", "Business", "Medicine", "Medical", "Engineering", "Education",
        "Agriculture", "Agricultural", "Law", "Music", "Health", "Nursing", "Pharmacy", "Design", "Studies", "Open", "National", "International",
        "State", "Central", "Federal", "Catholic", "Católica", "Christian", "Liberal", "Nacional", "Tecnológica", "Pedagógica", "Privada", "Abierta",
        "Autónoma", "Estadual", "Defensa", "Marina", "Hospital", "Food", "Forestry", "Development", "Normal", "Baptist", "Technical", "Polytechnic",
        "College", "Institute", "Academy", "Mines", "Fine", "Physical", "Sport", "Sports", "Veterinary", "Oriental", "European", "American",
    };

    static readonly Lazy<HashSet<string>> KnownPlaces = new(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in DataFiles.ReadTsv("universities.tsv"))
        {
            if (row.Length < 2) continue;
            var m = PlaceInSchoolName().Match(row[1].Trim());
            if (!m.Success) continue;
            var place = m.Groups["p"].Value;
            if (place.Split(' ').Any(w => NotPlaceWords.Contains(w))) continue;
            set.Add(TextNormalizer.Fold(place));
        }
        foreach (var name in ByName.Keys) set.Add(name);
        return set;
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:The\s+)?(?:University\s+of|Universit(?:ät|at|é|e|à|a|y|eit|et|etet|atea)(?:\s+(?:zu|van|i|din|degli\s+Studi\s+di))?|Universi(?:dad|dade)(?:\s+(?:Nacional|Federal|Estadual))?|Technische\s+(?:Universität|Hochschule)|Technical\s+University\s+of|Hochschule|Fachhochschule|Politecnico\s+di|Uniwersytet)\s+(?:(?:de|del|de\s+la|do|da|di|d')\s*)?(?<p>\p{Lu}[\p{L}'\-]+(?:\s\p{Lu}[\p{L}'\-]+)?)$")]
    private static partial System.Text.RegularExpressions.Regex PlaceInSchoolName();

    /// <summary>"WA" → US, "ON" → CA; only exact two-letter upper-case abbreviations count.</summary>
    public static string? StateCountry(string token) => token.Length == 2 && token.All(char.IsAsciiLetterUpper) ? States.GetValueOrDefault(token) : null;

    /// <summary>Every country with a state or province of that abbreviation, "after-city" rows included: "PR" → US, BR; "SP" → BR.</summary>
    public static IReadOnlyList<string> StateCountriesAfterCity(string token) =>
        token.Length == 2 && token.All(char.IsAsciiLetterUpper) && StatesAfterCity.TryGetValue(token, out var list) ? list : [];
}
