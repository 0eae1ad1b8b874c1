using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Grounding;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.Grounding;

public sealed class GrounderTests
{
    const string Source = """
        JOSÉ   MARÍA Pérez
        Tel. +34 612 34 56 78 · Jose.Perez@Example.ES
        ZÜRICH
        Ingeniero de Software        Acme
        Payments S.L.      2019 – actualidad
        • Reduje la latencia de pagos un 40% migran-
          do trabajos por lotes a streaming.
        HABILIDADES: Go, PostgreSQL
        """;

    static readonly SourceIndex Index = new(Source, ["https://www.linkedin.com/in/jmperez/"]);

    [Theory]
    [InlineData("José María Pérez")]
    [InlineData("jose maria perez")]
    [InlineData("Zurich")]
    [InlineData("Acme Payments S.L.")]
    [InlineData("2019 - actualidad")]
    public void Text_matches_ignoring_case_accents_dashes_and_line_breaks(string value) => Index.ContainsText(value).Should().BeTrue();

    [Theory]
    [InlineData("+34 612 345 678")]
    [InlineData("612345678")]
    [InlineData("(+34) 612-34-56-78")]
    public void Phones_match_by_digits_with_or_without_the_country_code(string phone) => Index.ContainsPhone(phone).Should().BeTrue();

    [Fact]
    public void A_phone_with_other_digits_does_not_match() => Index.ContainsPhone("+34 612 34 56 79").Should().BeFalse();

    [Fact]
    public void Emails_match_lower_cased_and_with_mailto() => Index.ContainsEmail("mailto:jose.perez@example.es").Should().BeTrue();

    [Fact]
    public void Urls_match_the_link_targets_without_scheme_or_www() => Index.ContainsUrl("linkedin.com/in/jmperez").Should().BeTrue();

    [Fact]
    public void Prose_rejoined_across_a_hyphenated_line_break_is_verified() =>
        Index.ContainsProse("Reduje la latencia de pagos un 40% migrando trabajos por lotes a streaming.").Should().BeTrue();

    [Fact]
    public void Invented_contacts_skills_and_employers_are_dropped_and_paraphrased_titles_are_flagged()
    {
        var resume = new Resume
        {
            Candidate = new Candidate
            {
                Name = new PersonName("Pérez, José María", "José María", "Pérez"),
                Emails = ["jose.perez@example.es", "jmp@gmail.com"],
                Phones = [new Phone("+34 612 34 56 78", null), new Phone("+34 699 00 00 00", null)],
                Links = [new Link("https://linkedin.com/in/jmperez", LinkTypes.LinkedIn), new Link("https://github.com/jmperez", LinkTypes.GitHub)],
            },
            WorkExperience =
            [
                new WorkExperience { Title = "Ingeniero de Software", Employer = "Acme Payments S.L.", Start = new("2019", null, null), End = new("actualidad", null, null) },
                new WorkExperience { Title = "Software Engineer", Employer = "Acme Payments S.L." },
                new WorkExperience { Title = "CTO", Employer = "Initech" },
            ],
            Skills = [new Skill("Go", "Go", ["HABILIDADES"]), new Skill("Rust", "Rust", ["HABILIDADES"])],
        };

        var (grounded, warnings) = Grounder.Apply(resume, Index);

        grounded.Candidate.Name!.Raw.Should().Be("Pérez, José María", "a reordered name whose words are all printed is accepted");
        grounded.Candidate.Emails.Should().Equal("jose.perez@example.es");
        grounded.Candidate.Phones.Should().ContainSingle().Which.Raw.Should().Be("+34 612 34 56 78");
        grounded.Candidate.Links.Should().ContainSingle().Which.Type.Should().Be(LinkTypes.LinkedIn);
        grounded.Skills.Select(s => s.Name).Should().Equal("Go");
        grounded.WorkExperience[0].Confidence.Should().Be(Grounder.VerifiedConfidence);
        grounded.WorkExperience[0].Evidence.Should().Contain("Ingeniero de Software");
        grounded.WorkExperience[1].Title.Should().Be("Software Engineer");
        grounded.WorkExperience[1].Confidence.Should().Be(Grounder.LowConfidence);
        grounded.WorkExperience[2].Employer.Should().BeNull();
        warnings.Should().OnlyContain(w => w.Code == WarningCodes.UnverifiedValue);
        warnings.Select(w => w.Path).Should().BeEquivalentTo(
            ["candidate.emails[1]", "candidate.phones[1]", "candidate.links[1]", "skills[1]", "workExperience[1].title", "workExperience[2].employer", "workExperience[2].title"]);
        warnings.Single(w => w.Path == "workExperience[1].title").Message.Should().Contain("kept with low confidence");
        warnings.Single(w => w.Path == "candidate.emails[1]").Message.Should().Contain("jmp@gmail.com").And.EndWith("dropped.");
    }

    [Fact]
    public void A_name_that_is_not_printed_at_all_is_dropped()
    {
        var (grounded, warnings) = Grounder.Apply(new Resume { Candidate = new Candidate { Name = new PersonName("John Smith", "John", "Smith") } }, Index);

        grounded.Candidate.Name.Should().BeNull();
        warnings.Should().ContainSingle(w => w.Path == "candidate.name");
    }

    [Theory]
    [InlineData("Idiomas: Inglés (C1), Catalán – nativo", "Inglés", "C1", "Inglés (C1)")]
    [InlineData("Idiomas: Inglés (C1), Catalán – nativo", "Catalan", "nativo", "Catalán – nativo")]
    [InlineData("LANGUAGES\nEnglish - Fluent   Mandarin: native speaker", "mandarin", "Native speaker", "Mandarin: native speaker")]
    public void A_language_and_its_level_printed_together_give_the_printed_span(string text, string name, string level, string printed) =>
        new SourceIndex(text, []).Attached(name, level).Should().Be(printed);

    [Fact]
    public void A_level_printed_apart_from_the_language_gives_no_span() =>
        new SourceIndex("Languages: English, German (spoken), B2 certificate in German", []).Attached("German", "B2").Should().BeNull();

    [Fact]
    public void Grounding_keeps_a_models_language_as_printed_with_its_level()
    {
        var resume = new Resume { Languages = [new SpokenLanguage("Englisch", "en", "B2", "B2")] };

        var (grounded, _) = Grounder.Apply(resume, new SourceIndex("SPRACHEN\nEnglisch (B2) · Deutsch (Muttersprache)", []));

        grounded.Languages.Should().ContainSingle().Which.Raw.Should().Be("Englisch (B2)");
    }
}
