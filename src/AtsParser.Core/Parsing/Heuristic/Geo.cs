using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

public sealed record Country(string Code, string CallingCode, int NationalDigits);

/// <summary>Country names, calling codes and North American state abbreviations, from embedded data files.</summary>
public static class Geo
{
    static readonly Dictionary<string, Country> ByName = new(StringComparer.Ordinal);
    static readonly Dictionary<string, Country> ByCode = new(StringComparer.Ordinal);
    static readonly Dictionary<string, string> States = new(StringComparer.Ordinal);

    static Geo()
    {
        foreach (var row in DataFiles.ReadTsv("countries.tsv"))
        {
            var c = new Country(row[0], row[1], int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture));
            ByCode[c.Code] = c;
            foreach (var name in row[3].Split('|')) ByName.TryAdd(TextNormalizer.Fold(name), c);
        }
        foreach (var row in DataFiles.ReadTsv("us-states.tsv"))
            foreach (var st in row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)) States.TryAdd(st, row[0]);
    }

    public static Country? CountryNamed(string text) => ByName.GetValueOrDefault(TextNormalizer.Fold(text.Trim(' ', '.', ',', '(', ')')));

    public static Country? CountryByCode(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    /// <summary>"WA" → US, "ON" → CA; only exact two-letter upper-case abbreviations count.</summary>
    public static string? StateCountry(string token) => token.Length == 2 && token.All(char.IsAsciiLetterUpper) ? States.GetValueOrDefault(token) : null;
}
