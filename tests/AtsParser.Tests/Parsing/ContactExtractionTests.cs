using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

public class ContactExtractionTests
{
    [Fact]
    public void A_portal_label_glued_to_the_name_is_removed()
    {
        Parse("PRIYA RAMANFeatured Resume\nCurrent Location: Pune").Candidate.Name!.Raw.Should().Be("PRIYA RAMAN");
        Parse("Anil K. SharmaPremium CV Featured Resume\n").Candidate.Name!.Raw.Should().Be("Anil K. Sharma");
    }

    [Fact]
    public void A_fathers_name_is_not_the_candidates_name()
    {
        var r = Parse("RESUME\nRAVI VERMA\nE-mail: ravi@example.org\nPERSONAL PARTICULARS\nFather's Name : Mohan Verma\nDate of Birth : 13th June 1995");
        r.Candidate.Name!.Raw.Should().Be("RAVI VERMA");
    }

    [Fact]
    public void Referees_emails_and_phones_are_not_the_candidates()
    {
        var r = Parse("Jane Roe\njane@roe.dev | +44 20 7946 0958\nExperience\nAcme Ltd, Engineer\n2019 - 2021\nReferences\nDr. John Smith, john.smith@uni.ac.uk, +44 20 7946 0000");
        r.Candidate.Emails.Should().Equal("jane@roe.dev");
        r.Candidate.Phones.Select(p => p.E164).Should().Equal("+442079460958");
    }

    [Fact]
    public void National_ids_and_birth_dates_are_not_phones()
    {
        var r = Parse("María Pérez\nDATOS PERSONALES\nDNI: 75589451\nFecha de nacimiento: 20/02/1999\nCelular: 993111504");
        r.Candidate.Phones.Select(p => p.Raw).Should().Equal("993111504");
    }

    [Fact]
    public void A_preferred_location_is_not_the_location_and_a_job_city_is_not_either()
    {
        Parse("Sam Lee\nPref. Location: Bengaluru\nCurrent Location: Hyderabad").Candidate.Location!.Raw.Should().Be("Hyderabad");
        var r = Parse("Ebony Stone\nSeattle, WA | 206-555-0149 | ebony@mail.com\nExperience\nHarrow Ledger Partners, New Orleans, LA, Accountant\nOct. 2021 – Current");
        r.Candidate.Location.Should().Be(new Location("Seattle, WA", "Seattle", "WA", "US"));
        r.Candidate.Phones.Single().E164.Should().Be("+12065550149");
    }

    [Fact]
    public void Company_web_sites_and_project_repositories_are_not_candidate_links()
    {
        var r = Parse("Alex Doe\nalex@doe.dev | github.com/alexdoe\nExperience\nActuate http://www.actuate.com/\nDeveloper\n2014 - 2015\nProjects\nTool https://github.com/alexdoe/tool");
        r.Candidate.Links.Select(l => l.Url).Should().Equal("github.com/alexdoe");
        r.Candidate.Links.Single().Type.Should().Be(LinkTypes.GitHub);
    }

    [Fact]
    public void Profile_link_targets_replace_shortened_labels_and_advisors_pages_are_ignored()
    {
        var r = Parse("Kim Park\nkim@park.io | linkedin.com/kimpark", "https://www.linkedin.com/in/kimpark/", "http://www.cs.example.edu/~advisor", "mailto:kim@park.io");
        r.Candidate.Links.Select(l => l.Url).Should().Equal("https://www.linkedin.com/in/kimpark/");
    }

    [Fact]
    public void A_hebrew_label_after_its_value_still_labels_it()
    {
        var r = Parse("קורות חיים\nפרטים אישיים:\nשם: דנה כהן\nvolk@example.co.il :דואל\n050-4469897 :פלאפון");
        r.Candidate.Name!.Raw.Should().Be("דנה כהן");
        r.Candidate.Emails.Should().Equal("volk@example.co.il");
        r.Candidate.Phones.Single().E164.Should().Be("+972504469897");
    }

    [Fact]
    public void Programming_languages_under_a_languages_label_are_skills_not_spoken_languages()
    {
        var r = Parse("Jo Bloggs\nSkills\nLanguages: C, C++, Python\nLanguage: Fluent in Spanish");
        r.Languages.Select(l => l.Raw).Should().Equal("Spanish");
        r.Skills.Where(s => s.Sources.Contains("skills")).Select(s => s.Name).Should().Contain(["C", "C++", "Python"]);
    }

    [Fact]
    public void Spoken_languages_keep_iso_code_level_and_cefr()
    {
        var l = Parse("Max Muster\nSprachen\nDeutsch (Muttersprache), Englisch (C1)").Languages;
        l.Should().BeEquivalentTo([
            new SpokenLanguage("Deutsch", "de", "Muttersprache", null) { Raw = "Deutsch (Muttersprache)" },
            new SpokenLanguage("Englisch", "en", "C1", "C1") { Raw = "Englisch (C1)" }]);
    }

    [Theory]
    [InlineData("Rahul Verma\nrahul.verma90 [at] gmail [dot] com\nSkills\nLinux", "rahul.verma90@gmail.com")]
    [InlineData("Rahul Verma\nE-mail: rahul.verma90(at)gmail.com\nSkills\nLinux", "rahul.verma90@gmail.com")]
    [InlineData("Rahul Verma\nrahul.verma90 {at} mail {dot} example {dot} in\nSkills\nLinux", "rahul.verma90@mail.example.in")]
    public void An_address_written_with_at_and_dot_in_brackets_is_read_as_an_email(string text, string email) =>
        Parse(text).Candidate.Emails.Should().Equal(email);

    [Fact]
    public void A_sentence_with_the_word_at_is_not_an_email()
    {
        Parse("Jane Roe\nI worked (at) night shifts [at] the plant\nSkills\nWelding").Candidate.Emails.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Maria Oliveira\nTelefone: (11) 98765-4321\nmaria.oliveira@example.com.br\nExperiência", "+5511987654321")]
    [InlineData("Arjun Mehta\nMobile: 98765 43210\narjun.mehta@example.co.in\nExperience", "+919876543210")]
    [InlineData("Emily Chen\nCell 617.555.0199\nemily.chen@example.com\nBoston, MA\nExperience", "+16175550199")]
    public void A_phone_without_a_country_code_gets_its_country_from_the_place_or_the_email_domain(string text, string e164) =>
        Parse(text).Candidate.Phones.Select(p => p.E164).Should().Equal(e164);

    [Fact]
    public void An_address_wrapped_in_a_narrow_column_is_joined_with_its_last_letters()
    {
        Parse("Vikram Pennock\nvikram.pennock@gmail.co\nm\n+1 733 027 2959\nSkills\nLean").Candidate.Emails.Should().Equal("vikram.pennock@gmail.com");
        Parse("Nerea Ruiz\nnerea.ruiz@yahoo.e\ns\nExperiencia").Candidate.Emails.Should().Equal("nerea.ruiz@yahoo.es");
        Parse("Ana Ruiz\nana@example.com\nSkills\nSQL").Candidate.Emails.Should().Equal("ana@example.com");
    }
}
