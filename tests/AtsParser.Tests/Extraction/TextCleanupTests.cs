using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class TextCleanupTests
{
    [Fact]
    public void Quartz_word_separators_become_single_spaces_and_never_line_breaks()
    {
        var quartz = "Leo\t\r \u00A0Leopard\t\r \u00A0\n555\t\r \u00A0La\t\r \u00A0Verne\t\r \u00A0Way,\t\r \u00A0CA\t\r \u00A0\n";

        PdfText.Normalize(quartz).Should().Be("Leo Leopard\n555 La Verne Way, CA\n");
    }

    [Theory]
    [InlineData("(909) 555-\u00AD\u20105555", "(909) 555-5555")]
    [InlineData("on-\u00AD\u2010campus", "on-campus")]
    [InlineData("2016\u00AD2018", "2016-2018")]
    [InlineData("high\u00ADimpact", "high-impact")]
    [InlineData("2015 -- 2018", "2015 -- 2018")]
    public void Pdf_hyphen_clusters_and_drawn_soft_hyphens_become_one_ascii_hyphen(string raw, string expected)
    {
        PdfText.Normalize(raw).Should().Be(expected);
    }

    [Fact]
    public void Cleaning_folds_unicode_hyphens_drops_invisible_soft_hyphens_and_keeps_line_structure()
    {
        TextQuality.Clean("non\u2011breaking re\u00ADsume\r\nline\u0007two\u202E\uFEFF").Should().Be("non-breaking resume\nlinetwo");
    }

    [Theory]
    [InlineData("Jane Doe, Accountant", false)]
    [InlineData("\uFFFD\uFFFD\uFFFD\uFFFD ab", true)]
    [InlineData("\uE000\uE001\uE002\uE003\uE004 a", true)]
    [InlineData("••• ··· ||| ### a", true)]
    public void Garbage_is_recognised_by_its_share_of_unreadable_characters(string text, bool garbage)
    {
        TextQuality.IsGarbage(text).Should().Be(garbage);
    }
}
