using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.OpenAi;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.OpenAi;

public sealed class ExtractionMapperTests
{
    [Fact]
    public void A_models_location_gets_its_country_so_a_national_phone_gets_its_E164()
    {
        var answer = new ExtractedResume { Location = "Tacoma, WA", Phones = ["253-555-0187"] };

        var resume = new ResumeFinalizer().Finalize(ExtractionMapper.ToResume(answer), new ParseInput("Tacoma, WA 253-555-0187", [], new DateOnly(2026, 1, 15)), new Dictionary<string, long>());

        resume.Candidate.Location!.CountryCode.Should().Be("US");
        resume.Candidate.Location.City.Should().Be("Tacoma");
        resume.Candidate.Phones.Should().ContainSingle().Which.E164.Should().Be("+12535550187");
    }
}
