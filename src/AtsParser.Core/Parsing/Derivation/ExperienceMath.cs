namespace AtsParser.Core.Parsing.Derivation;

/// <summary>
/// Month arithmetic over job intervals: total experience is the size of their union (overlapping jobs count once),
/// gaps are the holes between merged intervals. A start year means January, an end year December, Present means asOf.
/// </summary>
public static class ExperienceMath
{
    public readonly record struct Interval(int Start, int End);

    public static int MonthIndex(int year, int month) => year * 12 + (month - 1);

    public static string FormatMonth(int index) => $"{index / 12:D4}-{index % 12 + 1:D2}";

    public static Interval? ToInterval(WorkExperience job, DateOnly asOf)
    {
        var start = Month(job.Start?.Iso, endOfYear: false);
        int? end = job.IsCurrent ? MonthIndex(asOf.Year, asOf.Month) : Month(job.End?.Iso, endOfYear: true);
        if (start is null || end is null || end < start) return null;
        return new Interval(start.Value, Math.Min(end.Value, MonthIndex(asOf.Year, asOf.Month)));
    }

    public static List<Interval> Merge(IEnumerable<Interval> intervals)
    {
        var merged = new List<Interval>();
        foreach (var i in intervals.Where(i => i.End >= i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && i.Start <= merged[^1].End + 1)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, i.End) };
            else merged.Add(i);
        }
        return merged;
    }

    public static int TotalMonths(IEnumerable<Interval> intervals) => Merge(intervals).Sum(i => i.End - i.Start + 1);

    public static List<Gap> Gaps(IEnumerable<Interval> intervals)
    {
        var merged = Merge(intervals);
        var gaps = new List<Gap>();
        for (int k = 1; k < merged.Count; k++)
        {
            int from = merged[k - 1].End + 1, to = merged[k].Start - 1;
            if (to >= from) gaps.Add(new Gap(FormatMonth(from), FormatMonth(to), to - from + 1));
        }
        return gaps;
    }

    static int? Month(string? iso, bool endOfYear)
    {
        if (iso is null || iso.Length < 4 || !int.TryParse(iso.AsSpan(0, 4), out var year)) return null;
        if (iso.Length >= 7 && int.TryParse(iso.AsSpan(5, 2), out var month) && month is >= 1 and <= 12) return MonthIndex(year, month);
        return MonthIndex(year, endOfYear ? 12 : 1);
    }
}
