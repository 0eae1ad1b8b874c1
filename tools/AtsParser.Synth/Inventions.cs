using System.Globalization;
using System.Text;

namespace AtsParser.Synth;

/// <summary>Invented proper names (companies, places for schools, handles) built from syllables: no list can know them.</summary>
public static class Inventions
{
    static readonly string[] Prefixes = ["Nor", "Vel", "Kar", "Lum", "Bri", "Sol", "Tam", "Ost", "Quen", "Mar", "Hal", "Dor", "Ver", "Cal", "Fen", "Bel", "Tor", "Wen", "Gral", "Sel", "Mirn", "Ard"];

    static readonly Dictionary<string, string[]> PlaceEndings = new()
    {
        ["en"] = ["vale", "ford", "wick", "bury", "haven", "ridge", "mere"],
        ["de"] = ["stedt", "hausen", "berg", "feld", "ingen", "dorf", "au"],
        ["fr"] = ["ville", "court", "mont", "lac", "val", "ières", "ac"],
        ["es"] = ["ida", "ena", "alva", "onda", "ares", "illo", "ero"],
        ["pt"] = ["ópolis", "inha", "eira", "ado", "ança", "oso", "ema"],
        ["he"] = ["יה", "ון", "ית", "ים", "אל", "גד", "מור"],
        ["zh"] = ["州", "川", "原", "江", "阳", "山", "宁"],
    };

    // Other scripts get syllables of their own: a Latin stem in a Hebrew or Chinese name is not how those names look.
    static readonly Dictionary<string, string[]> ScriptPrefixes = new()
    {
        ["he"] = ["נור", "ול", "קר", "לום", "ברי", "סול", "טמ", "אוסט", "מרנ", "הל", "דור", "פנ", "גרל"],
        ["zh"] = ["诺", "维", "卡", "鲁", "布", "索", "塔", "奥", "昆", "玛", "哈", "多", "芬", "贝"],
    };

    static readonly Dictionary<string, string[]> ScriptCompanyEndings = new()
    {
        ["he"] = ["טק", "ורה", "מרק", "דל", "לנד", "גרד", "הולם", "יקס", "ונה"],
        ["zh"] = ["泰", "联", "达", "恒", "信", "远", "通", "德", "盛"],
    };

    static string[] PrefixesFor(string lang) => ScriptPrefixes.GetValueOrDefault(lang) ?? Prefixes;

    static readonly string[] CompanyEndings = ["vale", "tek", "ora", "ix", "mark", "dal", "wyn", "stad", "lund", "ant", "ello", "era", "gard", "holm", "ano"];

    public static string Place(Random r, string lang) => Pick(r, PrefixesFor(lang)) + Pick(r, PlaceEndings[lang]);

    /// <summary>"Norvale Logistics GmbH", "Kartek Spedition", "Solmark & Fenora Consultores S.L.".</summary>
    public static string Company(Random r, Locale l)
    {
        var prefixes = PrefixesFor(l.Code);
        var endings = ScriptCompanyEndings.GetValueOrDefault(l.Code) ?? CompanyEndings;
        string stem = Pick(r, prefixes) + Pick(r, endings);
        if (r.Next(6) == 0) stem += (l.WordGap.Length == 0 ? "" : " & ") + Pick(r, prefixes) + Pick(r, endings);
        var form = Pick(r, l.LegalForms);
        var name = r.Next(4) == 0 ? stem : stem + l.WordGap + Pick(r, l.Industries);
        return form.Length == 0 ? name : name + l.WordGap + form;
    }

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static List<T> PickDistinct<T>(Random r, IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var picked = new List<T>();
        while (picked.Count < count && pool.Count > 0)
        {
            int i = r.Next(pool.Count);
            picked.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return picked;
    }

    /// <summary>'#' becomes a random digit.</summary>
    public static string Digits(Random r, string pattern) => new(pattern.Select(c => c == '#' ? (char)('0' + r.Next(10)) : c).ToArray());

    /// <summary>ASCII, lower case, no spaces: for e-mail local parts and URL handles.</summary>
    public static string Handle(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is '-' or '.') sb.Append(c);
        }
        return sb.ToString();
    }
}
