using AtsParser.Core.Extraction;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class OcrTextCleanupTests
{
    [Theory]
    [InlineData("Led the develop-\nment of a billing platform", "Led the development of a billing platform")]
    [InlineData("(Develop-\nment, testing)", "(Development, testing)")]
    [InlineData("Worked 2015-\n2018 in sales", "Worked 2015-2018 in sales")]
    [InlineData("Phone +1 555-\n123-4567", "Phone +1 555-123-4567")]
    [InlineData("Senior Software-\nEntwickler", "Senior Software-Entwickler")]
    [InlineData("Built a full-\nstack team", "Built a full-stack team")]
    [InlineData("Use e-\nmail daily", "Use e-mail daily")]
    [InlineData("Owned end-to-\nend delivery", "Owned end-to-end delivery")]
    [InlineData("An end-\nto-end pipeline", "An end-to-end pipeline")]
    [InlineData("Jan 2019 -\nPresent", "Jan 2019 - Present")]
    [InlineData("Skills:-\n• Python", "Skills:-\n• Python")]
    [InlineData("Summary-\n\nNext paragraph", "Summary-\n\nNext paragraph")]
    public void Line_end_hyphens_join_the_lines_and_drop_only_typesetting_hyphens(string text, string expected)
    {
        Hyphenation.JoinLineEnds(text).Should().Be(expected);
    }

    [Fact]
    public void The_document_itself_decides_between_a_compound_and_a_broken_word()
    {
        // "on-" starts compounds by the list, but "onboarding" printed elsewhere settles "on-\nboarding"; "peer-\nreviewed"
        // would be typesetting by default, but "peer-reviewed" printed on one line elsewhere makes it a compound.
        var text = "Ran on-\nboarding; onboarding took a week.\nTwo peer-reviewed papers and a peer-\nreviewed talk.";

        Hyphenation.JoinLineEnds(text).Should().Be("Ran onboarding; onboarding took a week.\nTwo peer-reviewed papers and a peer-reviewed talk.");
    }

    [Fact]
    public void Running_headers_and_page_numbers_go_and_a_contact_header_stays_once()
    {
        var text = "Alex Example | alex@example.org | +44 20 7946 0000\nSUMMARY\nBuilds things.\n1\f" +
                   "Alex Example | alex@example.org | +44 20 7946 0000\nEXPERIENCE\nEngineer at Northwind\nPage 2 of 3\f" +
                   "Alex Example | alex@example.org | +44 20 7946 0000\nEDUCATION\nBSc Physics\n- 3 -";

        var pages = PageFurniture.Strip(text).Split('\f');

        pages[0].Should().Be("Alex Example | alex@example.org | +44 20 7946 0000\nSUMMARY\nBuilds things.\n");
        pages[1].Should().Be("\nEXPERIENCE\nEngineer at Northwind\n");
        pages[2].Should().Be("\nEDUCATION\nBSc Physics\n");
    }

    [Fact]
    public void A_name_atop_the_first_page_stays_once_but_a_running_name_footer_goes_everywhere()
    {
        var top = "Alex Example\nData Engineer\nSUMMARY\nBuilds things.\f" + "EXPERIENCE\nEngineer at Northwind\nmore\nAlex Example\nData Engineer";
        var footer = "SUMMARY\nBuilds things.\nAlex Example · Résumé\f" + "EXPERIENCE\nEngineer at Northwind\nAlex Example · Résumé";

        PageFurniture.Strip(top).Should().Be("Alex Example\nData Engineer\nSUMMARY\nBuilds things.\fEXPERIENCE\nEngineer at Northwind\nmore\n\n");
        PageFurniture.Strip(footer).Should().Be("SUMMARY\nBuilds things.\n\fEXPERIENCE\nEngineer at Northwind\n");
    }

    [Fact]
    public void A_print_stamp_with_a_date_goes_from_every_page_but_job_dates_atop_two_pages_stay()
    {
        var text = "March 3, 2026 Résumé · Alex Example 1\nSUMMARY\nBuilds things.\nSep 2015 – Jun 2017\f" +
                   "March 3, 2026 Résumé · Alex Example 2\nSep 2012 – Jun 2015\nAnalyst at Contoso\nmore";

        var stripped = PageFurniture.Strip(text);

        stripped.Should().NotContain("March 3, 2026");
        stripped.Should().Contain("Sep 2015 – Jun 2017").And.Contain("Sep 2012 – Jun 2015");
    }

    [Fact]
    public void A_single_page_loses_an_edge_page_number_and_portal_navigation_but_a_number_inside_the_page_stays()
    {
        var text = "Alex Example\nLanguages\nGerman\n2\nFrench\n^ Back to Top\n3\nSpanish\nitalian\nPage 1 of 1";

        PageFurniture.Strip(text).Should().Be("Alex Example\nLanguages\nGerman\n2\nFrench\n\n3\nSpanish\nitalian\n");
    }

    [Fact]
    public void Pages_made_only_of_repeated_lines_keep_them_as_content()
    {
        // One short line per page ("Item 0", "Item 1", ...): every line repeats in shape, but nothing else is there to frame.
        var text = string.Join('\f', Enumerable.Range(0, 6).Select(n => $"Item {n}\n"));
        PageFurniture.Strip(text).Should().Be(text);
        // A running footer beside real content still goes.
        var framed = string.Join('\f', new[] { "Summary", "Experience", "Education" }.Select(h => $"{h}\nWhat the {h.ToLowerInvariant()} page says\nAcme Confidential\n"));
        PageFurniture.Strip(framed).Should().NotContain("Acme Confidential").And.Contain("What the education page says");
    }

    [Fact]
    public void Text_without_furniture_comes_back_unchanged()
    {
        var text = "Alex Example\nEngineer\f\nmore text\nand more";

        PageFurniture.Strip(text).Should().BeSameAs(text);
    }
}
