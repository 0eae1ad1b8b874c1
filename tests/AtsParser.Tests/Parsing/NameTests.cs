using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AtsParser.Tests.Parsing;

public class NameTests
{
    static Resume Parse(string text) =>
        TestParser.Heuristic.Parse(new ParseInput(text, [], new DateOnly(2026, 1, 15)));

    [Theory]
    [InlineData("JANE DOE RHCE CERTIFIED\njane.doe@example.com\nExperience", "JANE DOE")]
    [InlineData("Priya Nair, PMP\nProject Manager\nSkills\nJava", "Priya Nair")]
    [InlineData("Tom Baker\ntom@example.com\nSummary\nCook.", "Tom Baker")]
    [InlineData("John.Smith\nPhone: 555 123 4567\nSummary\nEngineer.", "John Smith")]
    public void Names_come_without_credentials_or_dots(string text, string name) =>
        Parse(text).Candidate.Name!.Raw.Should().Be(name);

    [Fact]
    public void An_email_of_first_dot_last_names_the_candidate_only_when_the_text_prints_both_words()
    {
        Parse("+1 555 123 4567\nmaria.gomez@example.com\nSummary\nAnalyst.\nRegards, Maria Gomez.").Candidate.Name!.Raw.Should().Be("Maria Gomez");
        Parse("+1 555 123 4567\nsales.team@example.com\nSummary\nAnalyst.").Candidate.Name.Should().BeNull();
    }
}
