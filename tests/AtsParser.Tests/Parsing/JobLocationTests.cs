using AtsParser.Core.Parsing;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// "Company, City" and "Title, Company, City, ST" without a city list: the place is split off on evidence (a country, a
/// state code, a place the open university list names, a legal form before it, or a short piece left over once title and
/// employer are decided). Companies here are invented; the cities are real places.
/// </summary>
public class JobLocationTests
{
    static WorkExperience Job(string header, string? second = null)
    {
        var lines = new List<string> { "Jo Tamsin", "Experience", header };
        if (second is not null) lines.Add(second);
        lines.AddRange(["Jan 2019 – Mar 2021", "• Planned the weekly routes."]);
        return TestParser.Parse(string.Join("\n", lines)).WorkExperience.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("Data Analyst", "Quillon, Berlin", "Data Analyst", "Quillon", "Berlin")]
    [InlineData("Norvik, Oslo", "Data Analyst", "Data Analyst", "Norvik", "Oslo")]
    [InlineData("Lead Analyst", "Kardal, São Paulo", "Lead Analyst", "Kardal", "São Paulo")]
    [InlineData("Chargée de paie", "Brightwell SAS, Lyon", "Chargée de paie", "Brightwell SAS", "Lyon")]
    [InlineData("Senior Planner, Halvern Media Group, Austin, TX", null, "Senior Planner", "Halvern Media Group", "Austin, TX")]
    [InlineData("Marketing Manager, Brightwell, Lyon, France", null, "Marketing Manager", "Brightwell", "Lyon, France")]
    [InlineData("Einkäuferin", "Halvern GmbH, München, Deutschland", "Einkäuferin", "Halvern GmbH", "München, Deutschland")]
    [InlineData("Data Analyst at Norvik Labs, Oslo", null, "Data Analyst", "Norvik Labs", "Oslo")]
    public void A_place_after_a_comma_is_split_off_on_evidence(string header, string? second, string title, string employer, string location)
    {
        var job = Job(header, second);
        (job.Title, job.Employer, job.Location).Should().Be((title, employer, location));
    }

    [Theory]
    [InlineData("Analista de datos | Grupo Terravela S.A. | Madrid", null, "Analista de datos", "Grupo Terravela S.A.", "Madrid")]
    [InlineData("Software Engineer | Quillon Systems | Kelbrück", null, "Software Engineer", "Quillon Systems", "Kelbrück")]
    [InlineData("Software Engineer – Dorvel – Leeds", null, "Software Engineer", "Dorvel", "Leeds")]
    [InlineData("Engenheiro de Software", "Brasvelo Tecnologia Ltda. – São Paulo", "Engenheiro de Software", "Brasvelo Tecnologia Ltda.", "São Paulo")]
    public void A_short_piece_left_on_the_employers_line_is_its_place(string header, string? second, string title, string employer, string location)
    {
        var job = Job(header, second);
        (job.Title, job.Employer, job.Location).Should().Be((title, employer, location));
    }

    [Fact]
    public void A_function_after_the_title_is_not_a_place()
    {
        var job = Job("Director, IT Operations", "Halvern Media Group");
        (job.Title, job.Employer, job.Location).Should().Be(("Director, IT Operations", "Halvern Media Group", null));
    }

    [Fact]
    public void Two_undecided_parts_before_a_place_follow_the_documents_own_order()
    {
        var jobs = TestParser.Heuristic.Parse(new ParseInput(
            "Rui Tavel\nHistórico profissional\nPlanejador de logística refrigerada, Calholm Engenharia, Braga (jun. 2023 – o momento)\nAnalista de Sistemas, Brasvelo Tecnologia Ltda., Campinas (abr. 2019 – mar. 2023)",
            [], new DateOnly(2026, 1, 15))).WorkExperience;
        (jobs[0].Title, jobs[0].Employer, jobs[0].Location).Should().Be(("Planejador de logística refrigerada", "Calholm Engenharia", "Braga"));
    }
}
