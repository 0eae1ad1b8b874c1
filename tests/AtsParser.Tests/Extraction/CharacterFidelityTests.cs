using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class CharacterFidelityTests
{
    [Fact]
    public void A_letter_and_a_combining_mark_are_recomposed()
    {
        TextQuality.Clean("Mu\u0308nchen, Jose\u0301").Should().Be("München, José");
    }

    [Fact]
    public void Ligatures_become_the_letters_they_draw()
    {
        TextQuality.Clean("Arti\uFB01cial work\uFB02ow, e\uFB03cient").Should().Be("Artificial workflow, efficient");
    }

    [Fact]
    public void Font_awesome_icons_are_removed_and_kept_as_hints_on_their_line()
    {
        var (text, hints) = Glyphs.RemoveIcons("Jane Roe\n\uF095 (+49) 30 1234567\n\uF0E0 jane@example.org | \uF08C jane-roe\n\uE123x");

        text.Should().Be("Jane Roe\n(+49) 30 1234567\njane@example.org | jane-roe\nx");
        hints.Should().Equal(new IconHint("phone", 1), new IconHint("email", 2), new IconHint("linkedin", 2));
    }

    [Fact]
    public void Symbol_font_bullets_become_bullets()
    {
        Glyphs.RemoveIcons("\uF0B7 Led a team").Text.Should().Be("• Led a team");
    }

    [Theory]
    [InlineData("0 (+82) 10-9030-1843 | SZjane.roe@example.org | @www.janeroe.dev", "(+82) 10-9030-1843 | jane.roe@example.org | www.janeroe.dev")]
    [InlineData("© xxx@example.org -0 (+86) 131-221-87000", "© xxx@example.org (+86) 131-221-87000")]
    [InlineData("Contact: John.Smith@example.org, +1 555 0100", "Contact: John.Smith@example.org, +1 555 0100")]
    public void Ocr_icons_read_as_letters_are_taken_off_contact_data(string ocr, string clean)
    {
        OcrCleanup.Clean(ocr).Should().Be(clean);
    }
}
