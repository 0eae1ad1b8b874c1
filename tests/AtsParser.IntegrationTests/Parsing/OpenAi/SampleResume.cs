using AtsParser.Core.Parsing.OpenAi;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

/// <summary>A fictional two-page resume (555 number, example.com) with a running footer, page numbers and boilerplate, and the answer a model would give.</summary>
public static class SampleResume
{
    public const string Footer = "Jane Q. Doe - Curriculum Vitae - confidential";

    public static readonly string Text = string.Join("\f",
        """
        Jane Q. Doe
        Senior Backend Engineer
        jane.doe@example.com  |  +1 (415) 555-0100  |  linkedin.com/in/janeqdoe
        Zürich, Switzerland

        SUMMARY
        Backend engineer with ten years of experience building payment systems.

        WORK EXPERIENCE
        Senior Backend Engineer          Acme Payments AG          Jan 2020 – Present
        • Cut settlement latency by 40% by moving batch jobs to streaming.
        • Led a team of five engineers.
        """ + "\n" + Footer + "\n1",
        """
        Backend Engineer          Globex GmbH          03/2016 - 12/2019
        • Built the invoicing API used by 2,000 merchants.

        EDUCATION
        M.Sc. Computer Science, ETH Zürich, 2014 - 2016

        SKILLS
        Go, PostgreSQL, Kafka, Kubernetes

        LANGUAGES
        English (C2), German (B2)

        References available upon request
        """ + "\n" + Footer + "\n2");

    public static ExtractedResume Answer() => new()
    {
        Name = new ExtractedName("Jane Q. Doe", "Jane", "Doe"),
        Headline = "Senior Backend Engineer",
        Summary = "Backend engineer with ten years of experience building payment systems.",
        Emails = ["jane.doe@example.com"],
        Phones = ["+1 (415) 555-0100"],
        Location = "Zürich, Switzerland",
        Links = ["linkedin.com/in/janeqdoe"],
        Work =
        [
            new("Senior Backend Engineer", "Acme Payments AG", null, "Jan 2020", "Present", null,
                ["Cut settlement latency by 40% by moving batch jobs to streaming.", "Led a team of five engineers."]),
            new("Backend Engineer", "Globex GmbH", null, "03/2016", "12/2019", null, ["Built the invoicing API used by 2,000 merchants."]),
        ],
        Education = [new("ETH Zürich", "M.Sc. Computer Science", null, "2014", "2016", null)],
        Skills = [new("Go", "SKILLS"), new("PostgreSQL", "SKILLS"), new("Kafka", "SKILLS"), new("Kubernetes", "SKILLS")],
        Languages = [new("English", "C2"), new("German", "B2")],
    };
}
