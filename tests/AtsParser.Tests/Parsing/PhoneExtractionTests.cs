using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

public class PhoneExtractionTests
{
    [Fact]
    public void A_number_between_slashes_before_a_city_is_a_phone()
    {
        var r = Parse("Lena Vogt\nlena.vogt@example.org / 0151 23456789 / Leipzig\nBerufserfahrung");
        r.Candidate.Phones.Select(p => p.Raw).Should().Equal("0151 23456789");
    }

    [Fact]
    public void A_full_number_followed_by_a_space_and_a_city_is_a_phone_with_its_E164()
    {
        var r = Parse("Kai Berg\nkai@example.com +1 (415) 555-0142 San Francisco, CA\nExperience");
        r.Candidate.Phones.Select(p => (p.Raw, p.E164)).Should().Equal(("+1 (415) 555-0142", "+14155550142"));
    }

    [Fact]
    public void A_house_number_and_postcode_before_a_town_are_not_a_phone()
    {
        var r = Parse("Max Muster\nmax@example.de\nMusterweg 52 - 11111 Musterstadt\nBerufserfahrung");
        r.Candidate.Phones.Should().BeEmpty();
    }

    [Fact]
    public void A_national_number_gets_the_E164_of_the_country_in_the_location()
    {
        var r = Parse("Lena Vogt\nLeipzig, Deutschland\nlena@example.org | 0151 23456789\nBerufserfahrung");
        r.Candidate.Phones.Single().E164.Should().Be("+4915123456789");
    }

    [Fact]
    public void Groups_separated_by_middle_dots_are_a_phone()
    {
        var r = Parse("Claire Petit\nTél. 06·12·34·56·78\nclaire.petit@example.fr\nExpérience");
        r.Candidate.Phones.Select(p => (p.Raw, p.E164)).Should().Equal(("06·12·34·56·78", "+33612345678"));
    }

    [Fact]
    public void Two_numbers_printed_in_one_run_are_two_phones()
    {
        var r = Parse("Jonas Keller\nTel: +49 151 2345 6789 / +49 30 12345678\nBerufserfahrung");
        r.Candidate.Phones.Select(p => p.E164).Should().Equal("+4915123456789", "+493012345678");
    }

    [Fact]
    public void A_number_broken_at_the_end_of_a_line_is_joined_with_its_last_digits()
    {
        var r = Parse("Kai Berg\nPhone: +1 415 555\n0132\nkai@example.com\nExperience");
        r.Candidate.Phones.Select(p => p.E164).Should().Equal("+14155550132");
    }

    [Fact]
    public void A_complete_number_is_not_glued_to_a_year_on_the_next_line()
    {
        var r = Parse("Kai Berg\nPhone: +1 415 555 0132\n2019\nExperience");
        r.Candidate.Phones.Select(p => p.E164).Should().Equal("+14155550132");
    }
}
