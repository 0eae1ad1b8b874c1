using AtsParser.Core.Extraction;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public sealed class PageFurnitureTests
{
    static readonly string[] Lines =
    [
        "Jane Roe", "Senior Accountant", "jane.roe@example.com", "", "   ", "Page 1 of 1", "- 1 -", "1/1", "2",
        "^ Back to Top", "back to top", "Experience", "Sep 2015 – Jun 2017  Northwind Ltd", "Excel, SAP, payroll",
        "Led a team of 4 on the 2019 audit", "Education", "BSc Accounting, 2012",
    ];

    [Fact]
    public void A_one_page_text_loses_exactly_what_the_page_by_page_rules_remove()
    {
        var random = new Random(20261203);
        for (int n = 0; n < 3000; n++)
        {
            var text = string.Join('\n', Enumerable.Range(0, random.Next(0, 14)).Select(_ => Lines[random.Next(Lines.Length)]));

            PageFurniture.Strip(text).Should().Be(PageByPage(text), "for the text {0}", text.Replace("\n", "⏎"));
        }
    }

    [Fact]
    public void A_page_number_on_the_third_line_from_the_bottom_of_a_one_page_text_is_removed()
    {
        var text = "Jane Roe\nAccountant\nExperience\nNorthwind Ltd\nAuditor\nPayroll\nPage 1 of 1\nExcel\nSAP";

        PageFurniture.Strip(text).Should().NotContain("Page 1 of 1").And.Contain("Payroll");
    }

    // The rules as they run on paginated text: split into pages and lines, remove, join.
    static string PageByPage(string text)
    {
        var pages = text.Split('\f').Select(p => (string?[])p.Split('\n')).ToArray();
        return PageFurniture.Remove(pages).Total == 0 ? text : string.Join('\f', pages.Select(p => string.Join('\n', p)));
    }
}
