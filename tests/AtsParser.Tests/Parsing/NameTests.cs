using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

public class NameTests
{
    [Theory]
    [InlineData("JANE DOE RHCE CERTIFIED\njane.doe@example.com\nExperience", "JANE DOE")]
    [InlineData("Priya Nair, PMP\nProject Manager\nSkills\nJava", "Priya Nair")]
    [InlineData("Tom Baker\ntom@example.com\nSummary\nCook.", "Tom Baker")]
    [InlineData("John.Smith\nPhone: 555 123 4567\nSummary\nEngineer.", "John Smith")]
    public void Names_come_without_credentials_or_dots(string text, string name) =>
        Parse(text).Candidate.Name!.Raw.Should().Be(name);

    [Fact]
    public void An_email_of_first_dot_last_names_the_candidate_only_when_the_text_prints_both_words()
    {
        Parse("+1 555 123 4567\nmaria.gomez@example.com\nSummary\nAnalyst.\nRegards, Maria Gomez.").Candidate.Name!.Raw.Should().Be("Maria Gomez");
        Parse("+1 555 123 4567\nsales.team@example.com\nSummary\nAnalyst.").Candidate.Name.Should().BeNull();
    }

    [Fact]
    public void A_name_after_a_sidebar_is_found_by_its_headline_and_place_and_the_name_block_stays_out_of_the_lists_above()
    {
        const string text = """
            Contact
            jordan.smith@example.com
            www.linkedin.com/in/jordansmith
            Top Skills
            Kubernetes
            Terraform
            Languages
            Spanish (Professional Working)
            Certifications
            Certified Kubernetes Administrator
            Jordan Smith
            Site Reliability Engineer at Acme Cloud
            San Francisco, California, United States
            Summary
            I keep systems running.
            Experience
            Acme Cloud
            Site Reliability Engineer
            March 2021 - Present
            """;
        var r = Parse(text);
        r.Candidate.Name!.Raw.Should().Be("Jordan Smith");
        r.Candidate.Headline.Should().Be("Site Reliability Engineer at Acme Cloud");
        r.Candidate.Location!.CountryCode.Should().Be("US");
        r.Certifications.Select(c => c.Name).Should().Equal("Certified Kubernetes Administrator");
        r.Skills.Select(s => s.Name).Should().Contain(["Kubernetes", "Terraform"]);
    }

    [Fact]
    public void A_name_shaped_skill_in_a_sidebar_is_not_taken_for_the_name_without_corroboration()
    {
        const string text = """
            Contact
            ops@example.com
            Top Skills
            Google Analytics
            Adobe Photoshop
            Experience
            Marketing Assistant
            Example Media
            2019 - 2021
            """;
        Parse(text).Candidate.Name.Should().BeNull();
    }

    [Fact]
    public void A_name_printed_in_lower_case_on_the_first_line_is_kept_as_printed_when_a_headline_follows()
    {
        const string text = """
            ravi kumar
            Web Developer seeking roles in Software Development, MySQL, PHP
            Current Location: Pune
            Work Experience
            Web Developer at Example Soft (Jan 2019 - Present)
            """;
        Parse(text).Candidate.Name!.Raw.Should().Be("ravi kumar");
    }

    [Fact]
    public void A_lower_case_first_line_without_a_headline_or_matching_email_is_not_a_name()
    {
        Parse("seeking opportunities\nPhone: +1 206 555 0149\nSkills\nJava").Candidate.Name.Should().BeNull();
    }

    [Theory]
    [InlineData("Persönliche Daten\nName\nGeburtsdatum\nStaatsangehörigkeit\n\nMax Mustermann\n01.01.1980, Bremen\ndeutsch\n\nBerufserfahrung\nSeit 05/2019 Entwickler", "Max Mustermann")]
    [InlineData("Datos personales\nFecha de nacimiento\nNombre\nNacionalidad\n\n12/03/1990\nLucía Ramos\nperuana\n\nExperiencia\n2019 - 2021 Analista", "Lucía Ramos")]
    public void A_label_column_followed_by_its_value_column_gives_the_name_at_the_labels_position(string text, string name) =>
        Parse(text).Candidate.Name!.Raw.Should().Be(name);

    [Fact]
    public void A_link_label_alone_on_the_line_above_the_name_is_not_part_of_it()
    {
        Parse("sophie.marchand@example.fr  •  +33 6 12 34 56 78  •  Lyon\nLinkedIn\nSophie Marchand\nProfil\nAcheteuse.").Candidate.Name!.Raw
            .Should().Be("Sophie Marchand");
    }

    [Fact]
    public void A_labelled_name_in_personal_details_takes_no_headline_from_the_next_label()
    {
        var r = Parse("Personal Details\nName: Ravi Kumar\nNationality: Indian\nExperience\nClerk at Foo Ltd 2019 - 2021");
        r.Candidate.Name!.Raw.Should().Be("Ravi Kumar");
        r.Candidate.Headline.Should().BeNull();
    }

    [Fact]
    public void A_europass_header_gives_no_labelled_detail_as_headline_and_its_skill_headings_are_no_skills()
    {
        const string text = """
            Mareike Lindqvist
            Nationality: Swedish
            Phone number: (+46) 70 123 45 67
            Email address: mareike.lindqvist@example.se

            WORK EXPERIENCE
            01/03/2019 – CURRENT – Malmö, Sweden
            LOGISTICS PLANNER – NORRSKEN FRAKT AB

            DIGITAL SKILLS
            Python | SQL | Docker
            """;
        var r = Parse(text);
        r.Candidate.Headline.Should().BeNull();
        r.Skills.Select(s => s.Name).Should().NotContain(s => s.Contains("SKILLS", StringComparison.OrdinalIgnoreCase)).And.Contain("Python");
    }
}
