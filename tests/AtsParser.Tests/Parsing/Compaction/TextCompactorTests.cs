using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing.Compaction;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.Compaction;

public sealed class TextCompactorTests
{
    static CompactionResult Compact(string text, int maxChars = 40_000) => TextCompactor.Compact(text, maxChars, 4);

    [Fact]
    public void Collapses_whitespace_and_turns_soft_hyphen_dashes_into_hyphens()
    {
        var result = Compact("DevOps Engineer\t Dunamu Inc.\u00A0\u00A0\u00A0\u00A0\u00A0Seoul\nSep. 2023 \u00AD Mar. 2024\nhigh\u00AD-impact\n\n\n\nnext");

        result.Text.Should().Be("DevOps Engineer Dunamu Inc.  Seoul\nSep. 2023 - Mar. 2024\nhigh-impact\n\nnext");
    }

    [Fact]
    public void Keeps_a_footer_repeated_on_every_page_once_and_drops_page_numbers()
    {
        string[] bodies = ["Led the audit team\nClosed the books monthly", "Built the billing platform\nMentored two engineers", "Chess club captain\nRuns marathons"];
        var page = (int n) => $"Header line of page\n{bodies[n - 1]}\nJohn Roe · Résumé · February 10, 2026\nPage {n} of 3";
        var result = Compact(string.Join("\f", page(1), page(2), page(3)));

        result.Text.Split('\n').Count(l => l.StartsWith("John Roe")).Should().Be(1);
        result.Text.Split('\n').Count(l => l == "Header line of page").Should().Be(1);
        result.Text.Should().NotContain("Page 2 of 3").And.Contain("Led the audit team").And.Contain("Runs marathons");
        result.Report.RepeatedPageLines.Should().Be(4);
        result.Report.PageNumberLines.Should().Be(3);
    }

    [Fact]
    public void Keeps_the_first_copy_of_a_running_footer_that_extraction_drops_from_every_page()
    {
        var text = "Jane Roe\nAudit lead at Northwind\nPrepared by a recruiter\fBuilt the billing platform\nMentored two engineers\nPrepared by a recruiter";

        var result = Compact(text);

        PageFurniture.Strip(text).Should().NotContain("Prepared by a recruiter");
        result.Text.Should().Be("Jane Roe\nAudit lead at Northwind\nPrepared by a recruiter\nBuilt the billing platform\nMentored two engineers");
        result.Report.RepeatedPageLines.Should().Be(1);
    }

    [Fact]
    public void Does_not_take_job_dates_at_the_top_of_two_pages_for_a_running_header()
    {
        var result = Compact("Jan 2019 - Dec 2020\nEngineer at A\nmore text here\f Mar 2015 - Dec 2018\nEngineer at B\nmore words there");

        result.Text.Should().Contain("Jan 2019 - Dec 2020").And.Contain("Mar 2015 - Dec 2018");
    }

    [Fact]
    public void Removes_repeated_long_lines_but_keeps_repeated_short_titles()
    {
        var result = Compact("Software Engineer\nAcme\nDesigned and built the internal billing platform\nSoftware Engineer\nGlobex\nDesigned and built the internal billing platform");

        result.Text.Split('\n').Count(l => l == "Software Engineer").Should().Be(2);
        result.Text.Split('\n').Count(l => l.StartsWith("Designed")).Should().Be(1);
        result.Report.DuplicateLines.Should().Be(1);
    }

    [Fact]
    public void Strips_boilerplate_but_keeps_a_references_heading_and_dated_lines()
    {
        var result = Compact("REFERENCES\nReferences available upon request.\nJump to SectionWork Experience | Education\nI hereby declare that the above is true.\nDate: 12/05/2020\nPlace:");

        result.Text.Should().Be("REFERENCES\nDate: 12/05/2020");
        result.Report.BoilerplateLines.Should().Be(4);
    }

    [Fact]
    public void Cuts_the_least_useful_sections_first_and_never_contacts_dates_or_headings()
    {
        var filler = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"Filler sentence number {i} about something long enough."));
        var text = $"Jane Roe\njane@example.com | +44 20 7946 0958\nEXPERIENCE\nEngineer, Acme, 2019 - 2021\n{filler}\nINTERESTS\n{filler.Replace("Filler", "Hobby")}";

        var result = Compact(text, maxChars: 1500);

        result.Text.Should().Contain("jane@example.com").And.Contain("+44 20 7946 0958").And.Contain("2019 - 2021").And.Contain("INTERESTS").And.Contain("EXPERIENCE");
        result.Text.Should().NotContain("Hobby sentence number 40", "interests go before experience");
        result.Text.Should().Contain("Filler sentence number 1 about");
        result.Text.Length.Should().BeLessThanOrEqualTo(1500);
        result.Report.CutLines.Should().BeGreaterThan(40);
        result.Report.OverBudget.Should().BeFalse();
    }

    [Fact]
    public void Reports_over_budget_when_protected_lines_alone_exceed_it()
    {
        var text = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"Position {i}: Jan {2000 + i % 20} - Dec {2001 + i % 20}"));

        var result = Compact(text, maxChars: 1000);

        result.Report.OverBudget.Should().BeTrue();
        result.Text.Split('\n').Should().HaveCount(200);
    }

    [Fact]
    public void Estimates_tokens_before_and_after_from_the_configured_ratio()
    {
        var result = TextCompactor.Compact("a    b\n\n\n\nc", 1000, 2);

        result.Report.CharsBefore.Should().Be(11);
        result.Report.TokensBefore.Should().Be(6);
        result.Report.TokensAfter.Should().Be(TextCompactor.EstimateTokens(result.Text.Length, 2));
        result.Report.SavedRatio.Should().BeGreaterThan(0);
    }
}
