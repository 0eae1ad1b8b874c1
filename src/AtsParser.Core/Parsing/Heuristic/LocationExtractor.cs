using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// The candidate's own location: a location/address label in the header or personal details (never "Pref. Location" or a
/// birth place), else a "City, ST" / "City, Country" segment of a header line. Job and school cities are never looked at.
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
        return null;
    }

    /// <summary>"Seattle, WA", "San Francisco, CA 94105", "Mapo-gu, Seoul, Republic of Korea", "Berlin, Deutschland".</summary>
    public static bool IsPlace(string s)
    {
        if (s.Length > 120 || s.Count(char.IsDigit) > 8) return false;
        var parts = s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts.Any(p => p.Split(' ').Length > 6)) return false;
        var last = StripZip(parts[^1]);
        if (Geo.StateCountry(last) is not null) return char.IsUpper(parts[^2].TrimStart()[0]);
        return Geo.CountryNamed(last) is not null && parts[0].Length > 0 && char.IsUpper(parts[0][0]);
    }

    public static Location Parse(string raw)
    {
        var parts = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return new Location(raw, null, null, null);
        var last = StripZip(parts[^1]);
        if (Geo.StateCountry(last) is { } c && parts.Length >= 2) return new Location(raw, parts[^2], last, c);
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

    static string StripZip(string s) => ZipSuffix().Replace(s, "").Trim();

    [GeneratedRegex(@"\s+\d{4,6}(?:-\d{4})?$")]
    private static partial Regex ZipSuffix();

    [GeneratedRegex(@"\s*[|•·◆♦✉☎✆📍]\s*|\s{3,}")]
    private static partial Regex Segments();
}
