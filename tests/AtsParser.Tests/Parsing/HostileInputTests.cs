using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AtsParser.Tests.Parsing;

public class HostileInputTests
{
    static readonly HeuristicResumeParser Parser = new(new SkillDictionary(), new ResumeFinalizer(), NullLogger<HeuristicResumeParser>.Instance);

    [Fact(Timeout = 60_000)]
    public async Task A_two_megabyte_single_line_parses_without_catastrophic_backtracking()
    {
        var text = string.Concat(Enumerable.Repeat("aaaa@@bbbb.... 1990-1991-1992 +1 (((2 Jan Feb 2020 – ", 40_000));
        text.Length.Should().BeGreaterThan(2_000_000);
        var resume = await Task.Run(() => Parser.ParseAsync(new ParseInput(text, [], new DateOnly(2026, 1, 1)), CancellationToken.None));
        resume.Meta.Parser.Should().Be("heuristic");
    }

    [Fact(Timeout = 60_000)]
    public async Task Ten_megabytes_of_newlines_parse_to_an_empty_resume_with_a_no_contact_warning()
    {
        var resume = await Task.Run(() => Parser.ParseAsync(new ParseInput(new string('\n', 10_000_000), [], new DateOnly(2026, 1, 1)), CancellationToken.None));
        resume.Candidate.Emails.Should().BeEmpty();
        resume.Quality.Warnings.Select(w => w.Code).Should().Contain(WarningCodes.NoContact);
    }

    [Fact]
    public void Identical_input_gives_identical_output_apart_from_timings()
    {
        var input = new ParseInput("Jane Roe\njane@roe.dev\nExperience\nEngineer | Acme Inc. | 2019 - Present\nSkills\nPython, Go", [], new DateOnly(2026, 1, 1));
        var a = Parser.Parse(input);
        var b = Parser.Parse(input);
        System.Text.Json.JsonSerializer.Serialize(a with { Meta = a.Meta with { TimingsMs = [] } })
            .Should().Be(System.Text.Json.JsonSerializer.Serialize(b with { Meta = b.Meta with { TimingsMs = [] } }));
    }
}
