using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>Degree words come from degrees.tsv (and degree labels from labels.tsv), not from lists inside the parser's patterns.</summary>
public class DegreeVocabularyTests
{
    [Theory]
    [InlineData("Bachelor of Science")]
    [InlineData("Master of Arts")]
    [InlineData("Bachelor of Fine Arts")]
    [InlineData("Master of Business Administration")]
    [InlineData("Doctor of Philosophy")]
    [InlineData("Doctor of Engineering")]
    [InlineData("Diplom")]
    [InlineData("Licence")]
    [InlineData("Magister")]
    [InlineData("Bachelor")]
    [InlineData("MASTER")]
    [InlineData("Licenciatura")]
    public void A_written_out_degree_alone_is_a_degree_waiting_for_its_field(string text) =>
        DegreeLevelClassifier.IsBareDegree(text).Should().BeTrue();

    [Theory]
    [InlineData("BSc")]                                   // an abbreviation carries its field on its line
    [InlineData("Bachelor of Science in Physics")]
    [InlineData("Master Finance")]
    [InlineData("Doctor")]
    [InlineData("University of Kestwick")]
    public void A_degree_with_its_field_or_no_degree_is_not_bare(string text) =>
        DegreeLevelClassifier.IsBareDegree(text).Should().BeFalse();

    [Theory]
    [InlineData("Ausbildung\nBachelor of Arts\nSoziologie\nUniversität Kelbach, 2014", "Bachelor of Arts Soziologie", "Universität Kelbach")]
    [InlineData("Education\nMaster of Public Health\nEpidemiology\nHarrowfield University, 2019", "Master of Public Health Epidemiology", "Harrowfield University")]
    public void A_bare_degree_takes_the_field_on_the_next_line(string section, string degree, string school) =>
        Parse("Kit Marlow\n" + section).Education.Select(e => (e.Degree, e.Institution)).Should().Equal((degree, school));

    [Theory]
    [InlineData("Studium der BWL, Universität Kelbach (Abschluss: Bachelor of Science)", "Bachelor of Science")]
    [InlineData("Studium der BWL, Universität Kelbach (Degree: Bachelor of Science)", "Bachelor of Science")]
    [InlineData("Studium der BWL, Universität Kelbach (Titel: Diplom-Kaufmann)", "Diplom-Kaufmann")]
    [InlineData("Estudios de Derecho, Universidad de Valcarce (Grado: Licenciado en Derecho)", "Licenciado en Derecho")]
    [InlineData("Studium der Elektrotechnik, Hochschule Arnstadt (Diploma: Higher National Diploma)", "Higher National Diploma")]
    public void A_bracketed_degree_label_from_the_vocabulary_gives_the_degree(string line, string degree) =>
        Parse("Kit Marlow\nEducation\n" + line + "\n2010 – 2014").Education.Select(e => e.Degree).Should().Equal(degree);

    [Fact]
    public void A_bracketed_label_that_names_no_degree_leaves_the_line_alone() =>
        DegreeLevelClassifier.IsDegreeWord("Note").Should().BeFalse();
}
