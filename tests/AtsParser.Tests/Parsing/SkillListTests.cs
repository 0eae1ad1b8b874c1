using AtsParser.Core.Parsing;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

/// <summary>What a skills section holds besides skills: category names, headings, levels, sentences, label columns.</summary>
public class SkillListTests
{
    static List<string> SectionSkills(string text) =>
        TestParser.Parse(text)
            .Skills.Where(s => s.Sources.Contains("skills")).Select(s => s.Raw).ToList();

    [Fact]
    public void Category_names_head_skills_and_are_never_skills_themselves()
    {
        var skills = SectionSkills("Ola Brenn\nSkills\nProgramming Languages: Java, Python\nDatabases\nPostgreSQL, MongoDB\nSoft skills: Teamwork, Mentoring\nFramework & Library\nDjango, React");
        skills.Should().Contain(["Java", "Python", "PostgreSQL", "MongoDB", "Teamwork", "Mentoring", "Django", "React"]);
        skills.Should().NotContain(["Programming Languages", "Databases", "Soft skills", "Framework & Library"]);
    }

    [Theory]
    [InlineData("Kenntnisse\nProgrammiersprachen\nJava, Kotlin\nDatenbanken\nPostgreSQL", "Programmiersprachen", "Datenbanken")]
    [InlineData("Compétences\nLangages de programmation\nJava, Kotlin\nBases de données\nPostgreSQL", "Langages de programmation", "Bases de données")]
    [InlineData("Habilidades\nLenguajes de programación\nJava, Kotlin\nBases de datos\nPostgreSQL", "Lenguajes de programación", "Bases de datos")]
    [InlineData("专业技能\n编程语言\nJava、Kotlin\n数据库\nPostgreSQL", "编程语言", "数据库")]
    public void Category_names_in_other_languages_are_never_skills(string section, string category1, string category2)
    {
        var skills = SectionSkills("Eli Varga\n" + section);
        skills.Should().Contain(["Java", "Kotlin", "PostgreSQL"]);
        skills.Should().NotContain([category1, category2]);
    }

    [Fact]
    public void Two_headings_joined_open_the_section_and_are_no_skill()
    {
        var skills = SectionSkills("Ivo Tamm\nLanguages\nEnglish\nSkills & Expertise\nJSP\nHibernate\nTomcat");
        skills.Should().Equal("JSP", "Hibernate", "Tomcat");
    }

    [Fact]
    public void Sentences_in_a_skills_list_give_only_the_skills_they_name()
    {
        var skills = SectionSkills("Ana Pell\nSkills\nComputer: Proficient in Windows and Mac OS, Excel\nDeveloped REST services with Django and PostgreSQL\nExcellent communication skills and the ability to work under pressure.");
        skills.Should().Contain(["Windows", "Excel", "Django", "PostgreSQL"]);
        skills.Should().NotContain(s => s.Contains("Proficient") || s.Contains("Developed") || s.Contains("Excellent"));
    }

    [Fact]
    public void Levels_durations_and_table_headers_of_a_skills_table_are_no_skills()
    {
        var skills = SectionSkills("Raj Menon\nTechnical Skills\nSkill | Level | Years\nJava | Expert | 5 years\nDocker | Intermediate | 2 years\nExcel | sehr gut | 4/5");
        skills.Should().Equal("Java", "Docker", "Excel");
    }

    [Fact]
    public void A_column_of_category_labels_before_its_values_leaves_the_values_as_skills()
    {
        var skills = SectionSkills("Omar Sefi\nSkills\nProgramming Languages:\nDatabases:\nOther:\n\nPython, C, Shell Script\nMySQL, SQLite\nGit, OpenCV\n\nHonors & Awards\nBest paper 2018");
        skills.Should().Equal("Python", "C", "Shell Script", "MySQL", "SQLite", "Git", "OpenCV");
    }

    [Fact]
    public void A_labelled_skills_line_wrapped_over_a_blank_line_keeps_its_items_whole()
    {
        var skills = SectionSkills("Lia Ponce\nInformación adicional\n• Idiomas: Español (Nativo)\n• Habilidades Informáticas: MS Office, Manejo de\n•\n\nBase de Datos (SQL y PL/SQL), Creación\nde páginas web (WordPress)\nOtros cursos: Scrum");
        skills.Should().Equal("MS Office", "Manejo de Base de Datos (SQL y PL/SQL)", "Creación de páginas web (WordPress)");
    }

    [Fact]
    public void A_tool_name_that_opens_a_noun_phrase_in_running_text_is_a_word_not_the_tool()
    {
        var r = TestParser.Parse("Julien Moreau\nChef de projet digital\nExpériences\nChef de projet | Atelier Ouest | 2020 - 2023\nAutomated servers with Chef and Terraform.");
        r.Skills.Select(s => s.Name).Should().Contain("Terraform").And.Contain("Chef");
        var fr = TestParser.Parse("Julien Moreau\nChef de projet digital\nExpériences\nChef d'équipe | Atelier Ouest | 2020 - 2023");
        fr.Skills.Select(s => s.Name).Should().NotContain("Chef");
    }

    [Theory]
    [InlineData("Kenntnisse\nSolidWorks, CATIA, MS Project, Englisch (fließend), Französisch (Grundkenntnisse)", "SolidWorks", "en", "fr")]
    [InlineData("Skills\nExcel, SQL, Tableau, Spanish – fluent, Portuguese: B2", "Tableau", "es", "pt")]
    public void A_language_with_its_level_in_a_line_of_skills_is_a_language_and_no_skill(string section, string skill, string code1, string code2)
    {
        var r = TestParser.Parse("Lena Brandt\nlena.brandt@example.com\n" + section);
        r.Languages.Select(l => l.Code).Should().Equal(code1, code2);
        r.Skills.Select(s => s.Raw).Should().Contain(skill).And.NotContain(s => s.Contains("(") || s.Contains("fluent") || s.Contains("B2"));
    }

    [Theory]
    [InlineData("Englisch (fließend)", true)]
    [InlineData("French – fluent", true)]
    [InlineData("Spanish: B2", true)]
    [InlineData("German: basic", true)]
    [InlineData("English", false)] // a bare name in a line of skills stays as it was
    [InlineData("Java (Spring Boot)", false)]
    [InlineData("English: spoken and written, business level", false)]
    [InlineData("Business English writing", false)]
    public void A_language_with_its_level_is_told_from_other_items(string item, bool expected) =>
        AtsParser.Core.Parsing.Heuristic.SpokenLanguages.IsLanguageWithLevel(item).Should().Be(expected, item);
}
