using System.Text;
using AtsParser.Core.Documents;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Documents;

public class TextDecoderTests
{
    static byte[] Hostile(string name) => File.ReadAllBytes(Corpus.PathOf("hostile/generated/" + name));

    [Fact]
    public void Utf16le_with_a_bom_is_decoded_without_the_bom()
    {
        var decoded = TextDecoder.TryDecode(Hostile("resume_utf16le_bom.txt"));

        decoded!.EncodingName.Should().Be("utf-16le bom");
        decoded.Text.Should().StartWith("Ebony Moore").And.NotContain("\0").And.NotContain("\uFEFF");
    }

    [Fact]
    public void Utf16be_without_a_bom_is_recognised_from_its_nul_pattern()
    {
        var decoded = TextDecoder.TryDecode(Hostile("resume_utf16be_nobom.txt"));

        decoded!.EncodingName.Should().Be("utf-16be");
        decoded.Text.Should().Contain("Ebony Moore").And.NotContain("\0");
    }

    [Fact]
    public void Utf8_with_a_bom_loses_the_bom()
    {
        var decoded = TextDecoder.TryDecode(Hostile("resume_utf8_bom.txt"));

        decoded!.Text.Should().StartWith("Ebony Moore");
    }

    [Fact]
    public void Latin1_german_keeps_its_umlauts()
    {
        var decoded = TextDecoder.TryDecode(Hostile("lebenslauf_latin1.txt"));

        decoded!.EncodingName.Should().Be("windows-1252");
        decoded.Text.Should().Contain("Persönliche Daten").And.Contain("Staatsangehörig").And.NotContain("\uFFFD");
    }

    [Fact]
    public void Gb18030_chinese_is_recognised_by_its_common_characters()
    {
        var decoded = TextDecoder.TryDecode(Hostile("jianli_gb18030.txt"));

        decoded!.EncodingName.Should().Be("gb18030");
        decoded.Text.Should().Contain("教育背景");
    }

    [Fact]
    public void Big5_chinese_is_not_mistaken_for_gb18030()
    {
        var decoded = TextDecoder.TryDecode(Hostile("jianli_big5_mislabeled_utf8.txt"));

        decoded!.EncodingName.Should().Be("big5");
        decoded.Text.Should().Contain("教育背景");
    }

    [Fact]
    public void Mostly_valid_utf8_is_decoded_lossily_instead_of_falling_back_to_a_legacy_code_page()
    {
        var decoded = TextDecoder.TryDecode(Hostile("resume_invalid_utf8.txt"));

        decoded!.EncodingName.Should().Be("utf-8 (lossy)");
        decoded.Text.Should().Contain("Ebony Moore").And.Contain("•").And.NotContain("â€");
    }

    [Fact]
    public void Nul_bytes_inside_utf8_text_are_stripped()
    {
        var decoded = TextDecoder.TryDecode(Hostile("resume_with_nuls.txt"));

        decoded!.Text.Should().NotContain("\0").And.Contain("Ebony Moore");
    }

    [Fact]
    public void Random_bytes_are_not_text()
    {
        TextDecoder.TryDecode(Hostile("random_bytes.txt")).Should().BeNull();
    }

    [Fact]
    public void Windows_1252_smart_quotes_and_euro_sign_decode_to_their_characters()
    {
        var bytes = Encoding.Latin1.GetBytes("Salary expectation: 50k ").Concat(new byte[] { 0x80, 0x20, 0x93, 0x6F, 0x6B, 0x94 }).ToArray();

        TextDecoder.TryDecode(bytes)!.Text.Should().EndWith("€ “ok”");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 bom")]
    [InlineData("utf-16le bom")]
    [InlineData("windows-1252")]
    public void A_character_cap_decodes_only_the_start_and_says_the_text_was_cut(string encoding)
    {
        var line = encoding == "windows-1252" ? "Kündigung, Ärzte, Größe – 10 €\n" : "Lebenslauf: Zoë Ångström, Größe 10 € 🙂\n";
        var full = string.Concat(Enumerable.Repeat(line, 20_000));
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(full),
            "utf-8 bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(full)],
            "utf-16le bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(full)],
            _ => Encoding.GetEncoding(1252).GetBytes(full),
        };

        var decoded = TextDecoder.TryDecode(bytes, 1000)!;

        decoded.EncodingName.Should().Be(encoding);
        decoded.Truncated.Should().BeTrue();
        decoded.Text.Length.Should().BeInRange(999, 1000);
        full.Should().StartWith(decoded.Text);
    }

    [Fact]
    public void Text_within_the_character_cap_is_decoded_whole_and_not_marked_cut()
    {
        var decoded = TextDecoder.TryDecode(Encoding.UTF8.GetBytes("Zoë Ångström, accountant"), 1000)!;

        decoded.Text.Should().Be("Zoë Ångström, accountant");
        decoded.Truncated.Should().BeFalse();
    }
}
