using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

// The parser's fast paths (ASCII folding, whitespace collapsing without a regex) must give what the general code gives.
public class TextFastPathTests
{
    public static TheoryData<string> Samples =>
    [
        "", " ", "Skills", "  Work   Experience  ", "WORK\tEXPERIENCE", "a\r\nb", "Python,  Go\t\tC#", "e x p e r i e n c e",
        "Expérience  professionnelle", "Ärzte\u2003und\u00A0Pflege", "工作 经验", "x\u000By\u000Cz", "trailing ", " leading", "\t",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Whitespace_collapses_as_the_regex_did(string s) =>
        TextNormalizer.CollapseWhitespace(s).Should().Be(Regex.Replace(s, @"\s+", " "));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Folding_ascii_text_gives_what_decomposing_it_gives(string s) => TextNormalizer.Fold(s).Should().Be(GeneralFold(s));

    [Theory]
    [InlineData("I speak English and Deutsch", "en", 8)]
    [InlineData("Englisch (Muttersprache)", "en", 0)]
    [InlineData("Spanish, English", "en", 9)]
    [InlineData("Tenglish", null, -1)]
    public void A_spoken_language_is_found_where_it_stands_as_a_word_the_longer_name_first(string item, string? code, int index)
    {
        var hit = SpokenLanguages.Find(item);
        if (code is null)
        {
            hit.Should().BeNull();
            return;
        }
        hit.Should().NotBeNull();
        (hit!.Value.Code, hit.Value.Index).Should().Be((code, index));
    }

    static string GeneralFold(string s)
    {
        var sb = new StringBuilder();
        bool space = false;
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
