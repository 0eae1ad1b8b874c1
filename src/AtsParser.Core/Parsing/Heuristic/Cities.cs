using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Cities of 15,000 people or more (GeoNames, cities.tsv) and their countries: where a header names only a city
/// ("Göteborg", "Pune, Maharashtra", "Curitiba - PR"), the city gives the country that phones without "+" belong to.
/// A name several cities share ("Paris", "London", "Córdoba") goes to the largest unless a country is preferred.
/// Loaded on first use (see bench/RESULTS.md for its cost).
/// </summary>
public static partial class Cities
{
    public readonly record struct Entry(string CountryCode, int Population);

    static readonly Lazy<Dictionary<string, Entry[]>> ByName = new(Load);

    static Dictionary<string, Entry[]> Load()
    {
        var lists = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in DataFiles.ReadTsv("cities.tsv"))
        {
            if (row.Length < 3) continue;
            var code = codes.TryGetValue(row[0], out var c) ? c : codes[row[0]] = row[0];
            var entry = new Entry(code, int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture));
            foreach (var name in row[2].Split('|'))
            {
                var key = TextNormalizer.Fold(name);
                if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
                // One entry per country: the country's largest city of that name speaks for it.
                if (!list.Any(e => e.CountryCode == code)) list.Add(entry);
                else
                {
                    int i = list.FindIndex(e => e.CountryCode == code);
                    if (list[i].Population < entry.Population) list[i] = entry;
                }
            }
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(e => e.Population).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Forces the load (for measurements and warm-up).</summary>
    public static int Count => ByName.Value.Count;

    /// <summary>Every country a city of this name is in, largest city first; empty when no city is named so.</summary>
    public static IReadOnlyList<Entry> Named(string city) =>
        ByName.Value.TryGetValue(TextNormalizer.Fold(city.Trim(' ', '.', ',', '(', ')')), out var e) ? e : [];

    /// <summary>
    /// The country of the city a place text names ("Göteborg", "Pune, Maharashtra", "69003 Lyon", "Curitiba - PR"): the
    /// preferred country when a city of that name lies there, otherwise the largest city's.
    /// </summary>
    public static string? CountryOf(string place, string? preferred = null)
    {
        var city = CityIn(place);
        if (city is null) return null;
        var entries = Named(city);
        if (preferred is not null && entries.Any(e => e.CountryCode == preferred)) return preferred;
        return entries[0].CountryCode;
    }

    /// <summary>
    /// The known city a short place text starts with, postal codes aside: "Pune" in "Pune, Maharashtra", "Lyon" in
    /// "69003 Lyon", "Curitiba" in "Curitiba - PR" or "Curitiba/PR"; null when its first part names no known city.
    /// </summary>
    public static string? CityIn(string place)
    {
        var t = PostalCode().Replace(place, " ").Trim(' ', '.', ',', ';', '|', '-', '–');
        if (t.Length is < 2 or > 80 || t.Any(char.IsDigit)) return null;
        var first = RegionSeparator().Split(t)[0].Trim();
        if (first.Length < 2 || TextNormalizer.SpaceParts(first) > 4) return null;
        return Named(first).Count > 0 ? first : null;
    }

    // "69003", "SE-411 04", "560 034", "80010-000": postal codes before or after the city.
    [GeneratedRegex(@"(?<!\w)(?:[A-Z]{1,2}-)?\d{3,6}(?:[ -]\d{2,4})?(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCode();

    // What separates a city from its region or country: "Pune, Maharashtra", "Curitiba - PR", "Curitiba/PR", "Lyon (Rhône)".
    [GeneratedRegex(@"\s*(?:,|\s[-–—]\s|/|\()\s*")]
    private static partial Regex RegionSeparator();
}
