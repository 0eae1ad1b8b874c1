using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Output;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.Output;

public sealed class RedactorTests
{
    static Resume Sample() => new()
    {
        Candidate = new Candidate
        {
            Name = new PersonName("Jane Q. Doe", "Jane", "Doe"),
            Emails = ["jane.doe@example.com"],
            Phones = [new Phone("+1 (415) 555-0100", "+14155550100")],
            Location = new Location("742 Evergreen Terrace, Springfield", "Springfield", null, "US"),
            Links = [new Link("linkedin.com/in/janeqdoe", LinkTypes.LinkedIn)],
            Headline = "Senior Backend Engineer",
        },
        Summary = "Jane is a backend engineer. See janedoe.dev or call 415 555 0100.",
        WorkExperience =
        [
            new WorkExperience
            {
                Title = "Backend Engineer", Employer = "Globex GmbH", Start = new("03/2016", "2016-03", "month"), End = new("12/2019", "2019-12", "month"),
                Highlights = ["Reference: Bob Smith, bob.smith@globex.example.com, +49 30 1234567", "Built services in ASP.NET and Node.js from 2014 - 2016"],
            },
        ],
        Skills = [new Skill("ASP.NET", "ASP.NET", ["skills"]), new Skill("Node.js", "Node.js", ["skills"])],
        Quality = new Quality { Warnings = [new QualityWarning(WarningCodes.UnverifiedValue, "warning", "candidate.emails[1]", "'jane@invented.com' was returned by the model; dropped.")] },
    };

    [Fact]
    public void Masks_names_contacts_urls_and_street_addresses_in_every_field_and_lists_them()
    {
        var redactor = new Redactor(Sample());
        var (masked, redactions) = redactor.Apply(Sample());

        masked.Candidate.Name!.Raw.Should().Be("[NAME]");
        masked.Candidate.Name.Given.Should().Be("[NAME]");
        masked.Candidate.Emails.Should().Equal("[EMAIL]");
        masked.Candidate.Phones.Should().Equal(new Phone("[PHONE]", "[PHONE]"));
        masked.Candidate.Links.Single().Url.Should().Be("[URL]");
        masked.Candidate.Location!.Raw.Should().Be("[ADDRESS], Springfield", "the street goes, the city stays");
        masked.Candidate.Location.City.Should().Be("Springfield", "the city alone is not an address");
        masked.Summary.Should().Be("[NAME] is a backend engineer. See [URL] or call [PHONE].");
        masked.WorkExperience[0].Highlights[0].Should().Be("Reference: Bob Smith, [EMAIL], [PHONE]");
        masked.Quality.Warnings[0].Message.Should().Contain("[EMAIL]").And.NotContain("jane@invented.com");
        redactions.Should().Contain(new Redaction("resume.candidate.emails[0]", RedactionKinds.Email))
            .And.Contain(new Redaction("resume.summary", RedactionKinds.Name))
            .And.Contain(new Redaction("resume.candidate.location.raw", RedactionKinds.Address))
            .And.Contain(new Redaction("resume.workExperience[0].highlights[0]", RedactionKinds.Phone));
    }

    [Fact]
    public void Leaves_dates_skills_with_dots_titles_and_employers_alone()
    {
        var (masked, _) = new Redactor(Sample()).Apply(Sample());

        masked.WorkExperience[0].Highlights[1].Should().Be("Built services in ASP.NET and Node.js from 2014 - 2016");
        masked.WorkExperience[0].Start!.Raw.Should().Be("03/2016");
        masked.WorkExperience[0].Employer.Should().Be("Globex GmbH");
        masked.Skills.Select(s => s.Name).Should().Equal("ASP.NET", "Node.js");
        masked.Candidate.Headline.Should().Be("Senior Backend Engineer");
    }

    [Fact]
    public void Masks_the_extracted_text_with_the_same_rules()
    {
        var redactions = new List<Redaction>();

        var text = new Redactor(Sample()).Apply("JANE Q. DOE\nMusterstraße 12, 10115 Berlin\njane.doe@example.com", "extraction.text", redactions);

        text.Should().Be("[NAME]\n[ADDRESS], 10115 Berlin\n[EMAIL]");
        redactions.Should().OnlyContain(r => r.Path == "extraction.text");
    }
}
