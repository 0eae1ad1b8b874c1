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

    [Theory]
    [InlineData("septembre 2020 – aujourd’hui", "2020-09")]
    [InlineData("09/2019 - Aujourd'hui", "2019-09")]
    [InlineData("janv. 2018 – présent", "2018-01")]
    [InlineData("2017 - à ce jour", "2017")]
    [InlineData("mars 2019 – actuellement", "2019-03")]
    [InlineData("marzo 2021 – actualidad", "2021-03")]
    [InlineData("Ene. 2020 - Presente", "2020-01")]
    [InlineData("jan/2020 – atualmente", "2020-01")]
    [InlineData("fev. 2019 - o momento", "2019-02")]
    [InlineData("2018 – em andamento", "2018")]
    [InlineData("04.2016 – heute", "2016-04")]
    [InlineData("Okt. 2015 – derzeit", "2015-10")]
    [InlineData("2019年3月 – 至今", "2019-03")]
    [InlineData("2019年3月至今", "2019-03")]
    [InlineData("2019.03-至今", "2019-03")]
    [InlineData("2020/05 ~ 今", "2020-05")]
    [InlineData("מרץ 2019 – היום", "2019-03")]
    [InlineData("ספט' 2017 - כיום", "2017-09")]
    [InlineData("היום – 2019", "2019")]
    [InlineData("כיום - מאי 2020", "2020-05")]
    public void Present_words_in_every_supported_language_end_an_open_range(string text, string start)
    {
        var range = DateParser.FindRanges(text).Should().ContainSingle().Subject;
        range.Start!.Iso.Should().Be(start);
        range.IsCurrent.Should().BeTrue();
    }

    [Theory]
    [InlineData("desde 2018", "2018")]
    [InlineData("Desde marzo de 2020", "2020-03")]
    [InlineData("depuis 2019", "2019")]
    [InlineData("Depuis janvier 2021", "2021-01")]
    [InlineData("seit 2019", "2019")]
    [InlineData("a partir de 2017", "2017")]
    [InlineData("desde jan/2022", "2022-01")]
    [InlineData("מאז 2016", "2016")]
    [InlineData("自2018年5月起", "2018-05")]
    public void Since_words_in_every_supported_language_open_a_current_range(string text, string start)
    {
        var range = DateParser.FindRanges(text).Should().ContainSingle().Subject;
        range.Start!.Iso.Should().Be(start);
        range.IsCurrent.Should().BeTrue();
    }

    [Theory]
    [InlineData("ינואר 2015 – דצמבר 2016", "2015-01", "2016-12")]
    [InlineData("אוק' 2012 – פבר' 2014", "2012-10", "2014-02")]
    [InlineData("2016 – 2014", "2014", "2016")]
    [InlineData("יוני 2018 – מרץ 2015", "2015-03", "2018-06")]
    public void Hebrew_months_and_right_to_left_ranges_read_start_first(string text, string start, string end)
    {
        var range = DateParser.FindRanges(text, rightToLeft: true).Should().ContainSingle().Subject;
        range.Start!.Iso.Should().Be(start);
        range.End!.Iso.Should().Be(end);
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
