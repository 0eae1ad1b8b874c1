using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>Education rows holding degree, school, city, year and grade on one line; every name here is invented or public.</summary>
public class EducationRowTests
{
    [Theory]
    [InlineData("Mark Lee\nEducation\nB.Sc. Computer Science, University of Leeds, Leeds, 2015, First Class Honours", "B.Sc. Computer Science", "University of Leeds", "2015")]
    [InlineData("Mark Lee\nEducation\nMaster of Business Administration | Harvard University | Boston, MA | 2019", "Master of Business Administration", "Harvard University", "2019")]
    [InlineData("Carlos Ruiz\nFormación\nGrado en Ingeniería Informática, Universidad de Sevilla, Sevilla, 2019", "Grado en Ingeniería Informática", "Universidad de Sevilla", "2019")]
    [InlineData("João Silva\nFormação Acadêmica\nBacharelado em Ciência da Computação | Universidade Federal de Minas Gerais | 2016", "Bacharelado em Ciência da Computação", "Universidade Federal de Minas Gerais", "2016")]
    [InlineData("Felix Wagner\nAusbildung\nM.Sc. Informatik, Technische Universität München, 2020", "M.Sc. Informatik", "Technische Universität München", "2020")]
    [InlineData("Sophie Martin\nFormation\nMaster Informatique – Université Paris Cité – 2018", "Master Informatique", "Université Paris Cité", "2018")]
    [InlineData("Dana Levi\nהשכלה\nתואר ראשון במדעי המחשב, אוניברסיטת תל אביב, 2017", "תואר ראשון במדעי המחשב", "אוניברסיטת תל אביב", "2017")]
    [InlineData("Li Na\n教育经历\n2014年9月 - 2018年6月 | 清华大学 | 计算机科学与技术 | 本科", "本科", "清华大学", "2018-06")]
    [InlineData("Jo Tamsin\nEducation\n2012 – 2016 | Bachelor of Engineering | Kelbach Institute of Technology | Pune | 8.2 CGPA", "Bachelor of Engineering", "Kelbach Institute of Technology", "2016")]
    [InlineData("Jo Tamsin\nEducation\nDiplom-Kaufmann, Universität Kelbach, 2009, Note 1,7", "Diplom-Kaufmann", "Universität Kelbach", "2009")]
    [InlineData("Jo Tamsin\nFormation\n2016 – Master en informatique – Université de Rivesac – Lyon", "Master en informatique", "Université de Rivesac", "2016")]
    [InlineData("Jo Tamsin\nEducation\nMBA, Norhaven Business School, Boston, MA, 2019, GPA 3.7", "MBA", "Norhaven Business School", "2019")]
    public void One_line_rows_split_into_degree_school_and_year(string text, string degree, string school, string end)
    {
        var e = Parse(text).Education.Should().ContainSingle().Subject;
        (e.Degree, e.Institution, e.End?.Iso).Should().Be((degree, school, end));
    }

    [Fact]
    public void A_grade_in_a_row_is_the_grade_not_the_degree()
    {
        var e = Parse("Mark Lee\nEducation\nB.Sc. Computer Science, University of Leeds, Leeds, 2015, First Class Honours").Education.Single();
        e.Grade.Should().Be("First Class Honours");
        e.DegreeLevel.Should().Be(DegreeLevels.Bachelor);
    }

    [Theory]
    [InlineData("Master Communication digitale - Université de Nantes - 2016", "Master Communication digitale", "Université de Nantes")]
    [InlineData("Bachelor of Commerce - University of Pretoria - 2012", "Bachelor of Commerce", "University of Pretoria")]
    public void A_spaced_hyphen_between_a_degree_and_a_school_cuts_them_apart(string line, string degree, string school)
    {
        var e = Parse("Claire Petit\nFormation\n" + line + "\nCompétences\nSEO").Education.Should().ContainSingle().Subject;
        (e.Degree, e.Institution).Should().Be((degree, school));
    }

    [Fact]
    public void A_hyphenated_degree_without_a_school_beside_it_stays_whole()
    {
        var e = Parse("Ana Ruiz\nEducation\nBachelor of Science - BS, Computer Science\nUniversity of Leeds\n2014 - 2018\nSkills\nSQL").Education.Should().ContainSingle().Subject;
        e.Degree.Should().StartWith("Bachelor of Science - BS");
    }

    [Theory]
    [InlineData("B.E. (Computer Engineering) from Karvale University with 68% in 2018", "Karvale University", "68%")]
    [InlineData("MBA from Dorvel Institute of Management with a CGPA of 8.2 in 2020", "Dorvel Institute of Management", "CGPA of 8.2")]
    public void A_grade_phrase_after_the_school_is_the_grade_not_part_of_the_school(string line, string school, string grade)
    {
        var e = Parse("Priya Rao\nEducational Qualification\n" + line + "\nSkills\nJava").Education.Should().ContainSingle().Subject;
        (e.Institution, e.Grade).Should().Be((school, grade));
    }
}
