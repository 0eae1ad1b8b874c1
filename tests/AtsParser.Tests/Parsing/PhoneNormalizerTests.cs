using AtsParser.Core.Parsing.Derivation;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

public class PhoneNormalizerTests
{
    [Theory]
    [InlineData("+44 (0)20 7946 0958", null, "+442079460958")]
    [InlineData("+1 (415) 555-0142", null, "+14155550142")]
    [InlineData("0044 20 7946 0958", null, "+442079460958")]
    [InlineData("00 49 30 12345678", "US", "+493012345678")]
    [InlineData("(206) 555-0149", "US", "+12065550149")]
    [InlineData("1-206-555-0149", "US", "+12065550149")]
    [InlineData("050-446-9897", "IL", "+972504469897")]
    [InlineData("0151 97721317", "DE", "+4915197721317")]
    [InlineData("07.40.21.68.10", "FR", "+33740216810")]
    [InlineData("98765 43210", "IN", "+919876543210")]
    public void A_number_valid_in_its_country_gets_its_E164(string raw, string? region, string expected) =>
        PhoneNormalizer.ToE164(raw, region).Should().Be(expected);

    [Theory]
    [InlineData("(206) 555-0149", null)]          // no '+', no region: the country is unknown
    [InlineData("+1 555 123 4567", null)]         // 555 is not a US area code
    [InlineData("020 7946 095", "GB")]            // a digit short for a London number
    [InlineData("12345", "US")]                   // too short to be a phone number at all
    [InlineData("+999 1234 5678", null)]          // no such country code
    public void A_number_without_a_known_country_or_outside_its_plan_gets_no_E164(string raw, string? region) =>
        PhoneNormalizer.ToE164(raw, region).Should().BeNull();

    [Fact]
    public void Digits_drop_everything_but_ascii_digits() => PhoneNormalizer.Digits("+1 (415) 555-0142 ext.").Should().Be("14155550142");
}
