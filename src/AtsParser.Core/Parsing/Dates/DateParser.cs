using System.Globalization;
using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Dates;

/// <summary>
/// Finds date ranges in one line of resume text and turns each date into a PartialDate (raw as printed, ISO at the
/// printed precision). Lines are capped upstream, and the patterns have no nested quantifiers, so matching stays linear.
/// </summary>
public static partial class DateParser
{
    // One generic token pattern (source-generated, no vocabulary inside): a word before a year is checked against the
    // month and season tables afterwards, and "present" words are looked up after a range separator. Chinese text sets
    // no space between a date and its words ("自2018年5月起", "2019年3月至今"), so an ideograph may touch a date.
    [GeneratedRegex(@"(?<![\p{L}\d-[\p{IsCJKUnifiedIdeographs}]])(?:(?<word>[\p{L}-[\p{IsCJKUnifiedIdeographs}]]{3,12})\.?(?:\s*(?:de|of)\s+|\s*[-/,'’׳]?\s*)(?<wy>(?:19|20)[0-9]{2}|['’][0-9]{2})|(?<iy>(?:19|20)[0-9]{2})-(?<im>[0-9]{2})-(?<id>[0-9]{2})|(?<d>[0-9]{1,2})\s?[./]\s?(?<dm>[0-9]{1,2})\s?[./]\s?(?<dy>(?:19|20)[0-9]{2})|(?<cy>(?:19|20)[0-9]{2})\s*年(?:\s*(?<cm>[0-9]{1,2})\s*月)?|(?<yy>(?:19|20)[0-9]{2})\s?[./]\s?(?<ym>[0-9]{1,2})(?![0-9])|(?<yy2>(?:19|20)[0-9]{2})-(?<ym2>0[1-9]|1[0-2])(?![0-9])|(?<mm>[0-9]{1,2})\s?[./-]\s?(?<mmy>(?:19|20)[0-9]{2})|(?<y>(?:19|20)[0-9]{2}))(?![\p{L}\d-[\p{IsCJKUnifiedIdeographs}]])",
        RegexOptions.CultureInvariant, 10_000)]
    internal static partial Regex Token();

    // What may stand between two dates of one range.
    [GeneratedRegex(@"^\s*(?:-{1,2}|–|—|~|to|till|until|through|thru|bis|au|à|a|al|hasta|até|ate|至|到|,|-\s*to)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 10_000)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*(?:-{1,2}|–|—|~|to|till|until|through|thru|bis|au|à|a|al|hasta|até|ate|至|到)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 10_000)]
    private static partial Regex SeparatorPrefix();

    [GeneratedRegex(@"(?:since|seit|ab|depuis|desde|a partir de|从|自|מאז|החל מ-?)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 10_000)]
    private static partial Regex OpenStart();

    [GeneratedRegex(@"(?:expected|anticipated|voraussichtlich|prevista|previsto|prévue?|prevue?|预计)[\p{L} ]{0,20}:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 10_000)]
    private static partial Regex ExpectedBefore();

    [GeneratedRegex(@"^\s*[(\[]?\s*(?:expected|anticipated|voraussichtlich|prevista|previsto|prévue?|prevue?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 10_000)]
    private static partial Regex ExpectedAfter();

    sealed record Found(PartialDate? Date, bool Present, int Index, int Length);

    /// <summary>
    /// The date ranges of one line. In right-to-left text (Hebrew letters on the line, or <paramref name="rightToLeft"/> for
    /// a line of a Hebrew document), a range printed end first ("2021 – 2018", "היום – 2019") reads start first.
    /// </summary>
    public static IReadOnlyList<DateRange> FindRanges(string line, bool rightToLeft = false)
    {
        if (!HasYear(line)) return [];
        // The segmenter, the layout repairs and the extractors ask about the same lines many times in one parse, and the
        // answer depends on the text alone.
        return rightToLeft
            ? (rtlRanges ??= new()).Get(line, static l => Scan(l, rightToLeft: true))
            : (ltrRanges ??= new()).Get(line, static l => Scan(l, rightToLeft: false));
    }

    [ThreadStatic] static ParseMemo.Cache<IReadOnlyList<DateRange>>? ltrRanges, rtlRanges;

    // Every token of the pattern holds a year ("19" or "20" and two ASCII digits) or an apostrophe and two digits ("'19"):
    // most lines have neither, and scanning for the pattern's word alternative costs a try at every word.
    internal static bool HasYear(string line)
    {
        var s = line.AsSpan();
        int first = s.IndexOfAnyInRange('0', '9');
        if (first < 0) return false;
        for (int i = Math.Max(first - 1, 0); i + 2 < s.Length; i++)
        {
            char c = s[i];
            if (c is '\'' or '’' && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])) return true;
            if (i + 3 < s.Length && ((c == '1' && s[i + 1] == '9') || (c == '2' && s[i + 1] == '0')) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3])) return true;
        }
        return false;
    }

    static IReadOnlyList<DateRange> Scan(string line, bool rightToLeft)
    {
        var tokens = Tokens(line, yearFound: true);
        var ranges = new List<DateRange>();
        if (tokens.Count == 0) return ranges;
        bool rtl = rightToLeft || line.Any(c => c is >= '\u0590' and <= '\u06FF');
        for (int i = 0; i < tokens.Count; i++)
        {
            var a = tokens[i];
            int afterA = a.Index + a.Length;
            if (rtl && !a.Present && PresentBefore(line, a.Index) is { } now)
            {
                ranges.Add(new DateRange(a.Date, now.Date, true, now.Index, afterA - now.Index) { Swapped = true });
                continue;
            }
            if (!a.Present && (i + 1 >= tokens.Count || !Separator().IsMatch(line[afterA..tokens[i + 1].Index])) && PresentAfter(line, afterA) is { } present)
            {
                ranges.Add(new DateRange(a.Date, present.Date, true, a.Index, present.Index + present.Length - a.Index));
                continue;
            }
            if (i + 1 < tokens.Count && Separator().IsMatch(line[afterA..tokens[i + 1].Index]) && !a.Present)
            {
                var b = tokens[i + 1];
                var range = new DateRange(a.Date, b.Date, b.Present, a.Index, b.Index + b.Length - a.Index)
                {
                    Expected = !b.Present && ExpectedAfter().IsMatch(line[(b.Index + b.Length)..]),
                };
                if (!b.Present && rtl && Compare(a.Date, b.Date) > 0) range = range with { Start = b.Date, End = a.Date, Swapped = true };
                ranges.Add(range);
                i++;
                continue;
            }
            var before = line[..a.Index];
            if (OpenStart().IsMatch(before))
                ranges.Add(new DateRange(a.Date, null, true, a.Index, a.Length));
            else
                ranges.Add(new DateRange(a.Date, a.Date, false, a.Index, a.Length)
                {
                    Expected = ExpectedBefore().IsMatch(before) || ExpectedAfter().IsMatch(line[(a.Index + a.Length)..]),
                });
        }
        return ranges;
    }

    /// <summary>Parses one printed date ("Oct. 2021", "03/2018", "2015 年 3 月"); null when it is not a date or means "present".</summary>
    public static PartialDate? ParseSingle(string raw)
    {
        var tokens = Tokens(raw);
        return tokens.Count > 0 ? tokens[0].Date : null;
    }

    public static bool IsPresent(string raw) => DateVocabulary.IsPresent(raw);

    /// <summary>Orders by ISO string prefix: a year sorts before any month of that year.</summary>
    public static int Compare(PartialDate? a, PartialDate? b) =>
        a?.Iso is null || b?.Iso is null ? 0 : string.CompareOrdinal(a.Iso[..4], b.Iso[..4]) is var c && c != 0 ? c
            : a.Iso.Length < 7 || b.Iso.Length < 7 ? 0 : string.CompareOrdinal(a.Iso[..7], b.Iso[..7]);

    // yearFound: the caller has run HasYear on this line already (FindRanges does before it scans).
    static List<Found> Tokens(string line, bool yearFound = false)
    {
        var list = new List<Found>();
        if (!yearFound && !HasYear(line)) return list;
        try
        {
            foreach (Match m in Token().Matches(line))
            {
                var d = ToDate(m);
                if (d is not null) { list.Add(new(d, false, m.Index, m.Length)); continue; }
                // "since 2017", "in 2019": the word was no month, but the year still counts.
                var y = m.Groups["wy"];
                if (y.Success && y.Length == 4) list.Add(new(Year(y.Value, int.Parse(y.Value, CultureInfo.InvariantCulture)), false, y.Index, y.Length));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
        return list;
    }

    /// <summary>A "present" word after a range separator ("– Present", "to Till Date", "-EN CURSO", "– 至今").</summary>
    static Found? PresentAfter(string line, int from)
    {
        var sep = SeparatorPrefix().Match(line, from, Math.Min(line.Length - from, 12));
        if (!sep.Success || sep.Length == 0 || !line.AsSpan(sep.Index, sep.Length).ContainsAny("-–—~toilbsuàahé至到")) return null;
        int start = sep.Index + sep.Length;
        foreach (var word in DateVocabulary.PresentWords)
        {
            if (start + word.Length > line.Length || string.Compare(line, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            int end = start + word.Length;
            if (end < line.Length && char.IsLetter(line[end]) && !NameIsCjk(word)) continue;
            return new Found(new PartialDate(line[start..end], null, null), true, start, end - start);
        }
        return null;
    }

    /// <summary>A "present" word and a range separator just before a date, as right-to-left ranges print ("היום – 2019").</summary>
    static Found? PresentBefore(string line, int to)
    {
        var before = line.AsSpan(0, to).TrimEnd();
        if (before.Length == 0 || before[^1] is not ('-' or '–' or '—' or '~')) return null;
        before = before[..^1].TrimEnd();
        foreach (var word in DateVocabulary.PresentWords)
        {
            if (!before.EndsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            int start = before.Length - word.Length;
            if (start > 0 && char.IsLetter(line[start - 1]) && !NameIsCjk(word)) continue;
            return new Found(new PartialDate(line.Substring(start, word.Length), null, null), true, start, word.Length);
        }
        return null;
    }

    static bool NameIsCjk(string word) => word.Any(c => c >= '\u3000');

    static PartialDate? ToDate(Match m)
    {
        var raw = m.Value.Trim();
        int year, month = 0, day = 0;
        if (m.Groups["word"].Success)
        {
            var y = m.Groups["wy"].Value;
            year = y.Length == 4 ? int.Parse(y, CultureInfo.InvariantCulture) : TwoDigitYear(int.Parse(y[1..], CultureInfo.InvariantCulture));
            var word = m.Groups["word"].Value;
            if (DateVocabulary.Season(word) is not null && y.Length == 4) return Year(raw, year);
            if (DateVocabulary.Month(word) is not { } mo) return null;
            month = mo;
        }
        else if (m.Groups["iy"].Success) { year = Int(m, "iy"); month = Int(m, "im"); day = Int(m, "id"); }
        else if (m.Groups["d"].Success)
        {
            year = Int(m, "dy"); day = Int(m, "d"); month = Int(m, "dm");
            if (month > 12 && day <= 12) (day, month) = (month, day);
        }
        else if (m.Groups["cy"].Success) { year = Int(m, "cy"); month = m.Groups["cm"].Success ? Int(m, "cm") : 0; }
        else if (m.Groups["yy"].Success) { year = Int(m, "yy"); month = Int(m, "ym"); }
        else if (m.Groups["yy2"].Success) { year = Int(m, "yy2"); month = Int(m, "ym2"); }
        else if (m.Groups["mm"].Success) { year = Int(m, "mmy"); month = Int(m, "mm"); }
        else { year = Int(m, "y"); }

        if (month is < 0 or > 12) return null;
        if (month == 0) return Year(raw, year);
        if (day == 0) return new PartialDate(raw, $"{year:D4}-{month:D2}", DatePrecision.Month);
        if (day > DateTime.DaysInMonth(year, month)) return null;
        return new PartialDate(raw, $"{year:D4}-{month:D2}-{day:D2}", DatePrecision.Day);
    }

    static PartialDate Year(string raw, int year) => new(raw, year.ToString("D4", CultureInfo.InvariantCulture), DatePrecision.Year);

    static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    // Fixed pivot, not "today": identical input must give identical output whenever it is parsed.
    static int TwoDigitYear(int yy) => yy <= 50 ? 2000 + yy : 1900 + yy;
}
