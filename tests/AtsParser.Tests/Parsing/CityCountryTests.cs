using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>The country a header implies by naming only a city (cities.tsv, from GeoNames), and what wins over it.</summary>
public class CityCountryTests
{
    [Theory]
    [InlineData("Göteborg", "SE")]
    [InlineData("Gothenburg", "SE")]
    [InlineData("Pune, Maharashtra", "IN")]
    [InlineData("69003 Lyon", "FR")]
    [InlineData("Curitiba - PR", "BR")]
    [InlineData("Curitiba/PR", "BR")]
    [InlineData("חיפה", "IL")]
    [InlineData("深圳", "CN")]
    [InlineData("Paris", "FR")]      // Paris, Texas is smaller
    [InlineData("London", "GB")]     // London, Ontario is smaller
    [InlineData("Córdoba", "AR")]    // larger than Córdoba in Spain
    public void A_city_gives_the_country_of_its_largest_namesake(string place, string country) =>
        Cities.CountryOf(place).Should().Be(country);

    [Theory]
    [InlineData("Paris", "US", "US")]
    [InlineData("Córdoba", "ES", "ES")]
    [InlineData("London", "FR", "GB")]   // no London in France: the preference does not invent one
    public void A_preferred_country_wins_where_a_city_of_that_name_lies_there(string place, string preferred, string country) =>
        Cities.CountryOf(place, preferred).Should().Be(country);

    [Theory]
    [InlineData("Summary")]
    [InlineData("Senior Engineer")]
    [InlineData("ada@example.org")]
    public void Text_that_names_no_city_gives_no_country(string text) => Cities.CountryOf(text).Should().BeNull();

    [Theory]
    [InlineData("Paris, TX", "US")]
    [InlineData("London, ON", "CA")]
    [InlineData("Curitiba, PR", "BR")]
    [InlineData("Córdoba, AR", "AR")]
    [InlineData("Berlin, DE", "DE")]
    [InlineData("Madrid, ES", "ES")]
    [InlineData("Smallville, PA", "US")]  // an unknown town keeps the state's country
    public void Two_letters_after_a_city_are_read_as_the_state_or_country_where_that_city_is(string place, string country) =>
        LocationExtractor.Parse(place).CountryCode.Should().Be(country);

    [Theory]
    [InlineData("Ada Quill\nGöteborg\n070-123 45 67\nada@example.org\nSummary", "Göteborg", "SE")]
    [InlineData("Ada Quill\nShenzhen | 138 0013 8000 | ada@example.org\nSummary", "Shenzhen", "CN")]
    [InlineData("Ada Quill\nPune, Maharashtra | 98765 43210 | ada@example.org\nSummary", "Pune", "IN")]
    public void A_city_alone_in_the_header_is_the_candidates_location(string text, string city, string country)
    {
        var location = Parse(text).Candidate.Location;
        (location?.City, location?.CountryCode).Should().Be((city, country));
    }

    [Theory]
    [InlineData("Florence Adams\nflorence@example.org\n020 7946 0000\nSummary\nPlanner.")]     // a name that is a city's too
    [InlineData("Florence\nflorence@example.org\n020 7946 0000\nSummary\nPlanner.")]
    [InlineData("Ada Quill\nada@example.org\nSpring\nDocker\nSummary\nDeveloper.")]             // a skill that is a town's name
    [InlineData("Ada Quill\nada@example.org\nMobile\n020 7946 0000\nSummary\nPlanner.")]         // a label that is a city's name
    public void A_name_skill_or_label_that_is_also_a_city_is_no_location(string text) =>
        Parse(text).Candidate.Location.Should().BeNull();

    [Fact]
    public void The_document_language_wins_over_a_city_for_the_phone_and_the_location_keeps_no_country()
    {
        var r = Parse("Ada Quill\nLondon\n06 12 34 56 78\nada@example.org\nExpérience professionnelle\nChargée de projet, Lumiane SAS, depuis 2019");
        r.Candidate.Phones.Select(p => p.E164).Should().Contain("+33612345678");
        r.Candidate.Location?.CountryCode.Should().BeNull();
    }
}
