using AtsParser.Api.Parse;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Resumes;

public class FileNamesTests
{
    [Fact]
    public void A_right_to_left_override_is_removed_so_the_name_shows_its_real_extension()
    {
        FileNames.Sanitize("resume\u202Efdp.exe").Should().Be("resumefdp.exe");
    }

    [Theory]
    [InlineData("../../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\jane\\Documents\\cv.pdf", "cv.pdf")]
    [InlineData("/tmp/zipslip_pwned.txt", "zipslip_pwned.txt")]
    public void Only_the_last_path_segment_is_kept(string raw, string expected)
    {
        FileNames.Sanitize(raw).Should().Be(expected);
    }

    [Fact]
    public void A_244_character_name_is_kept_whole_and_longer_ones_are_capped()
    {
        var name244 = new string('a', 240) + ".pdf";

        FileNames.Sanitize(name244).Should().Be(name244);
        FileNames.Sanitize(new string('b', 400) + ".pdf").Length.Should().Be(255);
    }

    [Fact]
    public void Unicode_names_survive_and_control_characters_do_not()
    {
        FileNames.Sanitize("Résumé Jürgen 简历 קורות.pdf").Should().Be("Résumé Jürgen 简历 קורות.pdf");
        FileNames.Sanitize("cv\r\n\u0007.pdf").Should().Be("cv.pdf");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("folder/")]
    [InlineData("\u202E\u202D")]
    public void A_name_with_nothing_left_becomes_upload(string raw)
    {
        FileNames.Sanitize(raw).Should().Be("upload");
    }
}
