using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// The candidate's own location: a location/address label in the header or personal details (never "Pref. Location" or a
/// birth place), else a "City, ST" / "City, Country" segment of a header line, else a header segment that names a known
/// city alone ("Göteborg", "Pune, Maharashtra", "69003 Lyon"). Job and school cities are never looked at.
/// </summary>
static partial class LocationExtractor
{
    public static Location? Extract(ResumeDocument doc)
    {
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!doc.InContactZone(i) && !(doc.KindOf(i) == SectionKinds.Summary && i < 40)) continue;
            var m = ContactPatterns.LocationLabel().Match(lines[i]);
            if (m.Success) return Parse(m.Groups["v"].Value.Trim(' ', '.', '|'));
        }
        int seen = 0;
        for (int i = 0; i < lines.Length && seen < 15; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            if (!doc.InContactZone(i)) continue;
            seen++;
            foreach (var segment in Segments().Split(lines[i]))
            {
                var s = segment.Trim(' ', '.', ';');
                if (s.Length == 0 || s.Contains('@') || s.Contains("://") || s.Contains("www.")) continue;
                if (IsPlace(s)) return Parse(s);
            }
        }
        return CityAlone(doc);
    }

    /// <summary>
    /// A header segment that is a known city and nothing else but its region or postal code, on or next to a line with an
    /// e-mail or a phone. The first line (where the name is) counts only beside other segments, so that a name that is
    /// also a city ("Florence") is never read as one; a skill, language or heading that is also a town's name
    /// ("Spring", "Julia", "Thai") is none.
    /// </summary>
    static Location? CityAlone(ResumeDocument doc)
    {
        var lines = doc.Lines;
        int seen = 0;
        for (int i = 0; i < lines.Length && seen < 15; i++)
        {
            if (lines[i].Trim().Length == 0 || !doc.InContactZone(i)) continue;
            seen++;
            if (doc.IsHeading(i) || !NearContact(lines, i)) continue;
            var segments = Segments().Split(lines[i]).Select(x => x.Trim(' ', '.', ';')).Where(x => x.Length > 0).ToArray();
            if (seen == 1 && segments.Length < 2) continue;
            foreach (var s in segments)
            {
                if (s.Contains('@') || s.Contains("://") || s.Contains(':') || s.Contains('：') || ContactPatterns.PhoneLabel().IsMatch(s)) continue;
                if (!char.IsUpper(s[0]) && !char.IsDigit(s[0]) && !IsNonCasedScript(s[0])) continue;
                if (Cities.CityIn(s) is not { } city || Skills.Value.Normalize(city) is not null || SpokenLanguages.Find(city) is not null
                    || SectionDetector.Heading(city) is not null) continue;
                var parsed = Parse(s);
                return parsed with { City = city };
            }
        }
        return null;
    }

    static readonly Lazy<SkillDictionary> Skills = new(() => new SkillDictionary());

    static bool NearContact(string[] lines, int i)
    {
        for (int k = Math.Max(0, i - 2); k <= Math.Min(lines.Length - 1, i + 2); k++)
            if (lines[k].Contains('@') || lines[k].Count(char.IsAsciiDigit) >= 7) return true;
        return false;
    }

    static bool IsNonCasedScript(char c) => c is >= '\u0590' and <= '\u05FF' or >= '\u3400' and <= '\u9FFF';

    /// <summary>"Seattle, WA", "San Francisco, CA 94105", "Mapo-gu, Seoul, Republic of Korea", "Berlin, Deutschland".</summary>
    public static bool IsPlace(string s)
    {
        if (s.Length > 120 || s.Count(char.IsDigit) > 8) return false;
        var parts = s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts.Any(p => TextNormalizer.SpaceParts(p) > 6)) return false;
        var last = StripZip(parts[^1]);
        if (Geo.StateCountry(last) is not null) return char.IsUpper(parts[^2].TrimStart()[0]);
        return Geo.CountryNamed(last) is not null && parts[0].Length > 0 && char.IsUpper(parts[0][0]);
    }

    public static Location Parse(string raw)
    {
        var parts = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return new Location(raw, null, null, null);
        var last = StripZip(parts[^1]);
        if (Geo.StateCountry(last) is { } c && parts.Length >= 2) return new Location(raw, parts[^2], last, CountryAfterState(parts[^2], last, c));
        if (parts.Length >= 2 && CountryAfterState(parts[^2], last, null) is { } known) return new Location(raw, parts[^2], last, known);
        if (Geo.CountryNamed(last) is { } country)
        {
            string? city = parts.Length >= 2 ? parts[^2] : null;
            string? region = parts.Length >= 3 ? parts[^2] : null;
            if (parts.Length >= 3) city = parts[^3];
            if (parts.Length >= 3 && Geo.StateCountry(parts[^2]) is null && parts[^3].Contains('-')) (city, region) = (parts[^2], null);
            return new Location(raw, city, region, country.Code);
        }
        if (parts.Length == 1) return new Location(raw, parts[0].Length <= 40 && !parts[0].Any(char.IsDigit) ? parts[0] : null, null, null);
        return new Location(raw, parts[^2].Any(char.IsDigit) ? null : parts[^2], null, null);
    }

    /// <summary>
    /// "Curitiba, PR" is Brazil's Paraná, "Paris, TX" Texas, "Córdoba, AR" Argentina: of the countries the two letters may
    /// stand for (a state's country, or the ISO code itself), the one where a city of that name is largest; else the state's.
    /// </summary>
    static string? CountryAfterState(string city, string token, string? stateCountry)
    {
        var countries = Geo.StateCountriesAfterCity(token);
        if (countries.Count == 0 && stateCountry is null) return null;
        foreach (var e in Cities.Named(city))
            if (e.CountryCode == token || countries.Contains(e.CountryCode)) return e.CountryCode;
        return stateCountry;
    }

    static string StripZip(string s) => ZipSuffix().Replace(s, "").Trim();

    [GeneratedRegex(@"\s+\d{4,6}(?:-\d{4})?$")]
    private static partial Regex ZipSuffix();

    [GeneratedRegex(@"\s*[|•·◆♦✉☎✆📍]\s*|\s{3,}")]
    private static partial Regex Segments();
}
