namespace AtsParser.Core.Parsing.Dates;

/// <summary>
/// A date range found in a line. Start is the earlier date; an open range ("since 2017") has no End and IsCurrent;
/// a single date ("Summer 2022") has Start = End. Index/Length locate the whole range in the line.
/// </summary>
public sealed record DateRange(PartialDate? Start, PartialDate? End, bool IsCurrent, int Index, int Length)
{
    /// <summary>The end was marked as expected ("2015 (Expected)", "Expected Graduation: June 2016").</summary>
    public bool Expected { get; init; }

    /// <summary>The document wrote the later date first and the range was swapped (RTL year ranges).</summary>
    public bool Swapped { get; init; }
}
