using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

public class ExperienceTests
{
    static readonly DateOnly AsOf = new(2026, 1, 15);

    static Resume Parse(string text) =>
        TestParser.Heuristic.Parse(new ParseInput(text, [], AsOf));

    [Fact]
    public void Company_as_title_lines_give_employer_and_title()
    {
        var r = Parse("Sam Lee\nWork Experience\nBrightpath as Machine Learning Engineer\nAug 2019 to Till Date\n* Built things.\nNorthwind Labs as Software Developer\nSep 2018 to Jun 2019");
        JobRoles(r).Should().Equal(("Machine Learning Engineer", "Brightpath"), ("Software Developer", "Northwind Labs"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].End!.Iso.Should().Be("2026-01");
    }

    [Fact]
    public void Company_city_state_title_lines_put_the_title_last()
    {
        var r = Parse("Ann Poe\nExperience\nHarrow Ledger Partners, New Orleans, LA, Certified Public Accountant\nOct. 2021 – Current\nMeet with clients\nWexley Money Management, New Orleans, LA, Junior Accountant\nMay 2019 – Aug. 2020\nMaintained accounts");
        JobRoles(r).Should().Equal(("Certified Public Accountant", "Harrow Ledger Partners"), ("Junior Accountant", "Wexley Money Management"));
        r.WorkExperience[0].Location.Should().Be("New Orleans, LA");
        r.WorkExperience[0].Description.Should().Contain("Meet with clients");
    }

    [Fact]
    public void A_date_column_listing_several_jobs_without_bodies_does_not_merge_them()
    {
        var r = Parse("Max Muster\nBerufserfahrung\nSeit 05/2019\nNordlicht GmbH (Hamburg)\nSystemadministrator\n08/2015 - 05/2019\nNordlicht GmbH (Hamburg)\nPraktikant\n06/2011 - 07/2015\nSüdwind AG (München)\nWerkstudent");
        r.WorkExperience.Should().HaveCount(3);
        JobRoles(r).Should().Equal(("Systemadministrator", "Nordlicht GmbH"), ("Praktikant", "Nordlicht GmbH"), ("Werkstudent", "Südwind AG"));
        r.WorkExperience[0].End.Should().BeNull();
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[2].Location.Should().Be("München");
    }

    [Fact]
    public void Title_company_dates_on_one_line_split_at_pipes()
    {
        var r = Parse("John Smith\nExperience:\nSenior Software Engineer | TechCorp Inc. | 2020 - Present\n- Led a team\nSoftware Engineer | StartupXYZ | 2018 - 2020");
        JobRoles(r).Should().Equal(("Senior Software Engineer", "TechCorp Inc."), ("Software Engineer", "StartupXYZ"));
        r.WorkExperience[0].Highlights.Should().Equal("Led a team");
        r.WorkExperience[1].Evidence.Should().Contain("StartupXYZ");
    }

    [Fact]
    public void Quoted_employers_in_hebrew_rows_are_employers()
    {
        var r = Parse("קורות חיים\nעבודה וניסיון מקצועי:\n2007 – 2006: “סופר פארם\" – מנהל משמרת.");
        var job = r.WorkExperience.Single();
        job.Employer.Should().Be("סופר פארם");
        job.Title.Should().Be("מנהל משמרת");
        job.Start!.Iso.Should().Be("2006");
    }

    [Fact]
    public void Degrees_and_schools_stacked_without_dates_give_one_entry_each()
    {
        var r = Parse("Ann Poe\nEducation\nWaldorf College\nM.S. in Information Systems\nHaverford University\nB.S. in Computer Science");
        r.Education.Select(e => (e.Degree, e.Institution, e.DegreeLevel)).Should().Equal(
            ("M.S. in Information Systems", "Waldorf College", DegreeLevels.Master),
            ("B.S. in Computer Science", "Haverford University", DegreeLevels.Bachelor));
        r.Derived.HighestEducationLevel.Should().Be(DegreeLevels.Master);
    }
}
