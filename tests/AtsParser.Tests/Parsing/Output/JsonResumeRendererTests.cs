using System.Text.Json;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Output;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.Output;

public sealed class JsonResumeRendererTests
{
    [Fact]
    public void Renders_basics_work_education_and_lists_in_json_resume_shape()
    {
        var resume = new Resume
        {
            Candidate = new Candidate
            {
                Name = new PersonName("Jane Doe", "Jane", "Doe"),
                Emails = ["jane@example.com"],
                Phones = [new Phone("(415) 555-0100", "+14155550100")],
                Location = new Location("Zürich, Switzerland", "Zürich", null, "CH"),
                Links = [new Link("https://github.com/janedoe", LinkTypes.GitHub), new Link("https://janedoe.dev", LinkTypes.Portfolio)],
                Headline = "Backend Engineer",
            },
            WorkExperience =
            [
                new WorkExperience { Title = "Engineer", Employer = "Acme", Start = new("Jan 2020", "2020-01", "month"), End = new("Present", null, null), IsCurrent = true, Highlights = ["Did X"] },
                new WorkExperience { Title = "Intern", Employer = "Globex", Start = new("Summer 2019", null, null), End = new("2019", "2019", "year") },
            ],
            Education = [new Education { Institution = "ETH Zürich", Degree = "M.Sc.", FieldOfStudy = "Computer Science", End = new("2016", "2016", "year") }],
            Skills = [new Skill("golang", "Go", ["skills"])],
            Languages = [new SpokenLanguage("German", "de", "fluent", "C1")],
            Certifications = [new Certification("CKA", "CNCF", new("2021", "2021", "year"))],
        };

        var doc = JsonResumeRenderer.Render(resume);
        var json = JsonSerializer.SerializeToNode(doc, JsonSerializerOptions.Web)!;

        json["$schema"]!.GetValue<string>().Should().Contain("jsonresume");
        json["basics"]!["name"]!.GetValue<string>().Should().Be("Jane Doe");
        json["basics"]!["label"]!.GetValue<string>().Should().Be("Backend Engineer");
        json["basics"]!["phone"]!.GetValue<string>().Should().Be("+14155550100");
        json["basics"]!["url"]!.GetValue<string>().Should().Be("https://janedoe.dev");
        json["basics"]!["location"]!["countryCode"]!.GetValue<string>().Should().Be("CH");
        json["basics"]!["profiles"]![0]!["network"]!.GetValue<string>().Should().Be("GitHub");
        json["basics"]!["profiles"]![0]!["username"]!.GetValue<string>().Should().Be("janedoe");
        doc.Work[0].Should().BeEquivalentTo(new { Name = "Acme", Position = "Engineer", StartDate = "2020-01", EndDate = (string?)null });
        doc.Work[1].StartDate.Should().BeNull("'Summer 2019' has no ISO form, and raw text is not a JSON Resume date");
        doc.Work[1].EndDate.Should().Be("2019");
        json["education"]![0]!["studyType"]!.GetValue<string>().Should().Be("M.Sc.");
        json["education"]![0]!["area"]!.GetValue<string>().Should().Be("Computer Science");
        doc.Skills.Should().ContainSingle().Which.Should().BeEquivalentTo(new JsonResumeSkill("Go", ["golang"]));
        doc.Languages.Should().Equal(new JsonResumeLanguage("German", "C1"));
        doc.Certificates.Should().Equal(new JsonResumeCertificate("CKA", "2021", "CNCF"));
    }
}
