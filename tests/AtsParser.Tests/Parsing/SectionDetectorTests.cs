using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

public class SectionDetectorTests
{
    [Theory]
    [InlineData("WORK EXPERIENCE", SectionKinds.Experience)]
    [InlineData("Berufserfahrung", SectionKinds.Experience)]
    [InlineData("Expérience professionnelle", SectionKinds.Experience)]
    [InlineData("EXPERIENCIA LABORAL", SectionKinds.Experience)]
    [InlineData("Experiência Profissional", SectionKinds.Experience)]
    [InlineData("עבודה וניסיון מקצועי:", SectionKinds.Experience)]
    [InlineData("实习/项目经历", SectionKinds.Experience)]
    [InlineData("Ausbildung", SectionKinds.Education)]
    [InlineData("Formation académique", SectionKinds.Education)]
    [InlineData("FORMACIÓN ACADÉMICA", SectionKinds.Education)]
    [InlineData("Formação Acadêmica", SectionKinds.Education)]
    [InlineData("השכלה:", SectionKinds.Education)]
    [InlineData("教育背景", SectionKinds.Education)]
    [InlineData("Compétences", SectionKinds.Skills)]
    [InlineData("Sonstige Kenntnisse", SectionKinds.Skills)]
    [InlineData("IT 技能", SectionKinds.Skills)]
    [InlineData("Idiomas", SectionKinds.Languages)]
    [InlineData("Línguas", SectionKinds.Languages)]
    [InlineData("שפות:", SectionKinds.Languages)]
    [InlineData("Zusatzqualifikationen", SectionKinds.Certifications)]
    [InlineData("3. Education", SectionKinds.Education)]
    [InlineData("IV EXPERIENCIA LABORAL", SectionKinds.Experience)]
    [InlineData("E X P E R I E N C E", SectionKinds.Experience)]
    [InlineData("Projects -Link", SectionKinds.Projects)]
    public void Headings_are_recognised_in_every_supported_language(string line, string kind) =>
        SectionDetector.Heading(line)!.Value.Kind.Should().Be(kind);

    [Theory]
    [InlineData("I gained experience in education and skills training.")]
    [InlineData("Software Engineer")]
    [InlineData("Python, Java, Go")]
    public void Ordinary_lines_are_not_headings(string line) => SectionDetector.Heading(line).Should().BeNull();

    [Fact]
    public void A_heading_with_dates_keeps_them_for_the_section()
    {
        var h = SectionDetector.Heading("EDUCACIÓN (03/2019-EN CURSO)")!.Value;
        h.Kind.Should().Be(SectionKinds.Education);
        h.After.Should().Be("(03/2019-EN CURSO)");
    }

    [Fact]
    public void A_labelled_line_inside_skills_stays_in_the_skills_section()
    {
        var doc = new ResumeDocument("Jane Roe\nSkills\nFrameworks: React, Django\nTools: Git, Docker\nEducation\nMIT");
        doc.Sections.Where(s => s.Kind == SectionKinds.Skills).Should().ContainSingle();
        doc.KindOf(3).Should().Be(SectionKinds.Skills);
        doc.KindOf(5).Should().Be(SectionKinds.Education);
    }

    [Fact]
    public void Page_numbers_and_running_footers_are_gone_from_the_extracted_text_the_parser_reads()
    {
        var extracted = AtsParser.Core.Extraction.TextQuality.Clean("Jane Roe\nExperience\nAcme\nMarch 3, 2026 Jane Roe · Résumé\n1\fBeta Corp\nMore text\nMarch 3, 2026 Jane Roe · Résumé\n2");
        var doc = new ResumeDocument(extracted);
        doc.Lines.Should().NotContain(l => l.Contains("Résumé"));
        doc.Lines.Should().NotContain("1");
    }

    [Fact]
    public void A_kind_of_experience_the_heading_list_lacks_opens_the_experience_section_when_dated_entries_follow()
    {
        var r = TestParser.Parse("Ines Varga\nRegistered Nurse\nines.varga@example.com\n\nLICENSES & CERTIFICATIONS\nBasic Life Support (BLS), American Heart Association\n\nCLINICAL EXPERIENCE\nHalden Regional Hospital, Tulsa, OK\nStaff Nurse – Cardiac ICU, 2019 – present\n- Care for 2–3 critically ill patients per shift\nWestbrook Health, Tulsa, OK\nStaff Nurse – Medical/Surgical, 2017 – 2019\n\nEDUCATION\nBachelor of Science in Nursing, Marlow State University, 2017");
        r.WorkExperience.Select(j => j.Employer).Should().Equal("Halden Regional Hospital", "Westbrook Health");
        r.WorkExperience.Should().OnlyContain(j => j.Title!.StartsWith("Staff Nurse"));
        r.Skills.Select(s => s.Name).Should().NotContain(n => n.Contains("EXPERIENCE") || n.Contains("Hospital"));
    }

    [Theory]
    [InlineData("Teaching Experience")]
    [InlineData("RELEVANT SALES EXPERIENCE")]
    [InlineData("Experiencia docente")]
    [InlineData("Expérience internationale :")]
    public void A_qualified_experience_line_followed_by_dates_is_a_heading(string heading)
    {
        var doc = new ResumeDocument($"Ana Lenz\n{heading}\nLecturer, Orrin College\n2018 – 2022\nEducation\nMarlow State University");
        doc.KindOf(2).Should().Be(SectionKinds.Experience, heading);
        doc.IsHeading(1).Should().BeTrue();
    }

    [Theory]
    [InlineData("Skills\nSales Experience\nNegotiation\nForecasting")] // an item of a list, no dates after it
    [InlineData("Experience\nHead of Support, Quarry Labs\nCustomer Experience\n2019 – 2023")] // a department line in a job
    [InlineData("Summary\nUser Experience\nDesigner since 2015 – 2024 at several agencies")] // a field of work
    public void Other_lines_naming_experience_are_not_headings(string text)
    {
        var doc = new ResumeDocument("Ana Lenz\n" + text);
        doc.IsHeading(2).Should().BeFalse();
    }
}
