using Xunit;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Dates;
using AtsParser.Core.Parsing.Derivation;
using FsCheck;
using FsCheck.Fluent;

namespace AtsParser.Tests.Parsing;

public class DatePropertyTests
{
    static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    static readonly string[] GermanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    static readonly string[] SpanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    static string Format(int year, int month, int style) => style switch
    {
        0 => $"{EnglishMonths[month - 1]} {year}",
        1 => $"{EnglishMonths[month - 1]}. {year}",
        2 => $"{month:D2}/{year}",
        3 => $"{year}-{month:D2}",
        4 => $"{GermanMonths[month - 1]} {year}",
        5 => $"{SpanishMonths[month - 1]} de {year}",
        6 => $"{year} 年 {month} 月",
        _ => $"{month}.{year}",
    };

    static Arbitrary<(int Year, int Month, int Style)> Dates() =>
        (from y in Gen.Choose(1950, 2049) from m in Gen.Choose(1, 12) from s in Gen.Choose(0, 7) select (y, m, s)).ToArbitrary();

    [Fact]
    public void Any_formatted_month_date_parses_back_to_the_same_year_and_month() =>
        Prop.ForAll(Dates(), d =>
            DateParser.ParseSingle(Format(d.Year, d.Month, d.Style))?.Iso == $"{d.Year:D4}-{d.Month:D2}").QuickCheckThrowOnFailure();

    [Fact]
    public void Any_formatted_range_parses_back_to_its_two_dates() =>
        Prop.ForAll(Dates(), Dates(), (a, b) =>
        {
            var ranges = DateParser.FindRanges($"{Format(a.Year, a.Month, a.Style)} – {Format(b.Year, b.Month, b.Style)}");
            return ranges.Count == 1 && ranges[0].Start?.Iso == $"{a.Year:D4}-{a.Month:D2}" && ranges[0].End?.Iso == $"{b.Year:D4}-{b.Month:D2}";
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_parsed_job_ends_after_it_starts_or_carries_a_date_warning() =>
        Prop.ForAll(Dates(), Dates(), (a, b) =>
        {
            var range = DateParser.FindRanges($"{Format(a.Year, a.Month, a.Style)} - {Format(b.Year, b.Month, b.Style)}").Single();
            var job = new WorkExperience { Title = "Engineer", Start = range.Start, End = range.End };
            var warned = QualityChecks.Dates([job], [], new DateOnly(2050, 1, 1)).Any(w => w.Code == WarningCodes.DateEndBeforeStart);
            return DateParser.Compare(range.Start, range.End) <= 0 || warned;
        }).QuickCheckThrowOnFailure();
}
