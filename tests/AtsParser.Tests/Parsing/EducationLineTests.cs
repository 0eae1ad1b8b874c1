using AtsParser.Core.Parsing;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

/// <summary>Degree, school, city, year and grade in one line or one table row; a year or a grade is never a degree. Names invented.</summary>
public class EducationLineTests
{
    static List<Education> Schools(string lines) =>
        TestParser.Parse("Jo Tamsin\nEducation\n" + lines + "\nSkills\nExcel").Education;

    [Fact]
    public void A_grade_with_a_decimal_comma_is_the_grade_not_part_of_the_school()
    {
        Schools("Diplom-Kaufmann, Universität Kelbach, 2009, Note 1,7").Single().Grade.Should().Be("Note 1,7");
    }

    [Theory]
    [InlineData("Degree | Institution | Year | Grade\nB.Tech | Kelbach Institute of Technology | 2016 | 78%\nHSC | Sunrise Junior College | 2012 | 85%")]
    [InlineData("Qualification | Board/University | Year of Passing | Percentage\nB.Tech | Kelbach Institute of Technology | 2016 | 78%\nHSC | Sunrise Junior College | 2012 | 85%")]
    public void A_school_table_gives_each_row_by_its_columns_and_its_header_names_no_school(string table)
    {
        var schools = Schools(table);
        schools.Select(e => (e.Degree, e.Institution, e.End?.Iso, e.Grade)).Should().Equal(
            ("B.Tech", "Kelbach Institute of Technology", "2016", "78%"), ("HSC", "Sunrise Junior College", "2012", "85%"));
    }

    [Fact]
    public void Bulleted_schools_with_in_and_a_year_keep_the_year_out_of_the_school()
    {
        var schools = Schools("• UG: BCA (Computers) from Kelbach University in 2008\n• PG: MCA (Applications) from Sunrise Institute of Technology, Pune in 2010");
        schools.Select(e => (e.Degree, e.Institution, e.End?.Iso)).Should().Equal(
            ("BCA (Computers)", "Kelbach University", "2008"), ("MCA (Applications)", "Sunrise Institute of Technology", "2010"));
    }

    [Fact]
    public void A_course_named_before_from_and_a_school_is_the_degree()
    {
        Schools("CS (Hons) from Kelbach Professional University (KPU)").Select(e => (e.Degree, e.Institution))
            .Should().Equal(("CS (Hons)", "Kelbach Professional University (KPU)"));
    }

    [Fact]
    public void A_label_before_the_date_is_never_a_degree()
    {
        var e = Schools("KELBACH SCHOOL FOR BOYS\nGrad. May 2011 | Pune, India").Should().ContainSingle().Subject;
        e.Degree.Should().BeNull();
        e.Institution.Should().Be("KELBACH SCHOOL FOR BOYS");
    }

    [Fact]
    public void A_degree_wrapped_at_a_lone_connective_is_joined()
    {
        var e = Schools("DIPLOMA\nIN\nCOMPUTER SCIENCE\nCollege : Kelbach Polytechnic College\nMarks   : 72%\nYear     : 2011-2014").Should().ContainSingle().Subject;
        (e.Degree, e.Institution).Should().Be(("DIPLOMA IN COMPUTER SCIENCE", "Kelbach Polytechnic College"));
    }

    [Fact]
    public void A_school_then_its_dates_then_a_degree_with_an_expected_date_are_one_entry()
    {
        var e = Schools("江临交通大学, 江临\n\n2013 – 至今\n\n在读硕士研究生 信息与通信工程, 预计 2016 年 3 月毕业").Should().ContainSingle().Subject;
        (e.Degree, e.Institution).Should().Be(("在读硕士研究生 信息与通信工程", "江临交通大学"));
    }

    [Fact]
    public void Hebrew_graduate_lines_give_the_course_and_the_school_apart()
    {
        var schools = TestParser.Heuristic.Parse(new ParseInput(
            "רון גלעד\nהשכלה:\n2009 – 2008: בוגר קורס תכנות בשפת Java במרכז להדרכה טכנולוגית נווה ים.\n        משך הקורס 318 שעות.\n2005 – 2004: בוגר מגמת מחשבים 5 יחידות תיכון גבעת הדס.",
            [], new DateOnly(2026, 1, 15))).Education;
        schools.Select(e => (e.Degree, e.Institution)).Should().Equal(
            ("קורס תכנות בשפת Java", "מרכז להדרכה טכנולוגית נווה ים"), ("מגמת מחשבים 5 יחידות", "תיכון גבעת הדס"));
    }
}
