using Xunit;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Dates;
using FluentAssertions;

namespace AtsParser.Tests.Parsing;

public class DateParserTests
{
    [Theory]
    [InlineData("Jan 2020 – Present", "2020-01", null, true)]
    [InlineData("2019-2021", "2019", "2021", false)]
    [InlineData("03/2018 - heute", "2018-03", null, true)]
    [InlineData("Oct. 2021 – Current", "2021-10", null, true)]
    [InlineData("Aug 2019 to Till Date", "2019-08", null, true)]
    [InlineData("From:- July-2015 to Present", "2015-07", null, true)]
    [InlineData("08/2015 - 05/2019", "2015-08", "2019-05", false)]
    [InlineData("10/2022-05/2023", "2022-10", "2023-05", false)]
    [InlineData("03/2019-EN CURSO", "2019-03", null, true)]
    [InlineData("Janeiro 2018 – Data Atual", "2018-01", null, true)]
    [InlineData("2016 - aktuell", "2016", null, true)]
    [InlineData("May 2023 - Now", "2023-05", null, true)]
    [InlineData("2013 – 至今", "2013", null, true)]
    [InlineData("2015 年 3 月 – 2015 年 5 月", "2015-03", "2015-05", false)]
    [InlineData("Sep. 2023 - Mar. 2024", "2023-09", "2024-03", false)]
    [InlineData("Enero de 2019 - Marzo de 2020", "2019-01", "2020-03", false)]
    [InlineData("Fall 2013 – Spring 2014", "2013", "2014", false)]
    public void Ranges_in_the_forms_resumes_use_parse_to_iso_dates(string text, string start, string? end, bool current)
    {
        var range = DateParser.FindRanges(text).Should().ContainSingle().Subject;
        range.Start!.Iso.Should().Be(start);
        range.IsCurrent.Should().Be(current);
        if (!current) range.End!.Iso.Should().Be(end);
    }

    [Fact]
    public void Since_gives_an_open_current_range_without_an_end()
    {
        var range = DateParser.FindRanges("since 2017").Should().ContainSingle().Subject;
        range.Start!.Iso.Should().Be("2017");
        range.End.Should().BeNull();
        range.IsCurrent.Should().BeTrue();
        DateParser.FindRanges("Seit 05/2019").Single().Start!.Iso.Should().Be("2019-05");
    }

    [Fact]
    public void A_single_season_gives_start_equal_to_end_at_year_precision()
    {
        var range = DateParser.FindRanges("Summer 2022").Should().ContainSingle().Subject;
        range.Start.Should().Be(range.End);
        range.Start!.Raw.Should().Be("Summer 2022");
        range.Start.Precision.Should().Be(DatePrecision.Year);
    }

    [Fact]
    public void An_expected_end_is_marked_expected()
    {
        DateParser.FindRanges("2015 (Expected)").Single().Expected.Should().BeTrue();
        DateParser.FindRanges("Expected Graduation: June 2016").Single().Expected.Should().BeTrue();
    }

    [Fact]
    public void Hebrew_year_ranges_written_later_year_first_are_swapped()
    {
        var range = DateParser.FindRanges("2009 – 2008: “אבי קידר” – מנהל פרויקטים").Single();
        range.Start!.Iso.Should().Be("2008");
        range.End!.Iso.Should().Be("2009");
        range.Swapped.Should().BeTrue();
    }

    [Fact]
    public void A_backwards_range_in_a_left_to_right_line_is_kept_as_printed()
    {
        var range = DateParser.FindRanges("2021 - 2019").Single();
        range.Start!.Iso.Should().Be("2021");
        range.Swapped.Should().BeFalse();
    }

    [Theory]
    [InlineData("Oct. 2021", "2021-10")]
    [InlineData("2015 年 3 月", "2015-03")]
    [InlineData("13.06.1995", "1995-06-13")]
    [InlineData("Jan'20", "2020-01")]
    public void Single_dates_parse_at_their_printed_precision(string raw, string iso) =>
        DateParser.ParseSingle(raw)!.Iso.Should().Be(iso);

    [Fact]
    public void Words_that_are_not_months_do_not_hide_the_year() =>
        DateParser.FindRanges("Graduated in 2016").Single().Start!.Iso.Should().Be("2016");
}
