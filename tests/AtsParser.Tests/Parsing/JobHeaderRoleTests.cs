using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>Job header layouts seen outside the corpus; every name here is invented.</summary>
public class JobHeaderRoleTests
{
    [Fact]
    public void Title_at_company_and_worked_as_lines_split_into_title_and_employer()
    {
        var r = Parse("Jane Roe\nExperience\nSenior Data Analyst at Bluewave Analytics\nJan 2020 - Present\n- Built dashboards for the sales team.\nWorked as Junior Analyst at Orchid Retail Ltd\n2017 - 2019");
        JobRoles(r).Should().Equal(("Senior Data Analyst", "Bluewave Analytics"), ("Junior Analyst", "Orchid Retail Ltd"));
    }

    [Fact]
    public void Company_dash_title_lines_take_roles_from_the_words_not_the_order()
    {
        var r = Parse("Tom Hale\nWork Experience\nKestrel Dynamics — Product Manager\n03/2019 – 11/2022\nDrove the roadmap.\nLumen Freight Inc. – Operations Coordinator\n06/2016 – 02/2019");
        JobRoles(r).Should().Equal(("Product Manager", "Kestrel Dynamics"), ("Operations Coordinator", "Lumen Freight Inc."));
    }

    [Fact]
    public void Title_company_city_state_keeps_the_city_out_of_the_employer()
    {
        var r = Parse("Ana Diaz\nProfessional Experience\nSoftware Engineer, Quillon Systems, Austin, TX\nJune 2018 – Present\nWrote services.\nMarrow Health, Denver\nNurse Practitioner\n2014 – 2018");
        JobRoles(r).Should().Equal(("Software Engineer", "Quillon Systems"), ("Nurse Practitioner", "Marrow Health"));
        r.WorkExperience.Select(j => j.Location).Should().Equal("Austin, TX", "Denver");
    }

    [Fact]
    public void A_legal_form_after_a_comma_stays_in_the_employer()
    {
        var r = Parse("Sam Vo\nExperience\nSystems Administrator\nCorvell Networks, Inc. — Raleigh, NC\nFeb 2016 – Aug 2020");
        JobRoles(r).Should().Equal(("Systems Administrator", "Corvell Networks, Inc."));
    }

    [Fact]
    public void Durations_clients_and_responsibility_headings_never_become_employers_and_roles_share_their_employer()
    {
        var r = Parse("Raj Patel\nExperience\nVantor Technologies Pvt. Ltd.\nTechnical Lead (1 year 9 months)\nApr 2021 - Dec 2022\nClient: Zephyr Bank\nRole and Responsibilities\n- Led the team.\nSenior Developer\nJan 2019 - Mar 2021\n- Built APIs.");
        JobRoles(r).Should().Equal(("Technical Lead", "Vantor Technologies Pvt. Ltd."), ("Senior Developer", "Vantor Technologies Pvt. Ltd."));
        r.WorkExperience[1].Confidence.Should().BeLessThan(r.WorkExperience[0].Confidence);
    }

    [Theory]
    [InlineData("Lea Braun\nBerufserfahrung\n01/2020 – heute\nProjektleiterin, Falkenrot GmbH, Köln\nLeitung von Projekten.", "Projektleiterin", "Falkenrot GmbH")]
    [InlineData("Felix Wagner\nBerufserfahrung\nSoftwareentwickler bei Nordwerk AG, Stuttgart\nseit 03/2021", "Softwareentwickler", "Nordwerk AG")]
    [InlineData("Marie Dubois\nExpérience professionnelle\nDepuis 2021 : Cheffe de projet chez Orbelis SAS, Lyon", "Cheffe de projet", "Orbelis SAS")]
    [InlineData("Sophie Martin\nExpérience\nConsultante SAP — Altiva Conseil\nsept. 2019 – aujourd'hui", "Consultante SAP", "Altiva Conseil")]
    [InlineData("Carlos Ruiz\nExperiencia Laboral\nIngeniero de Software en Andaluz Digital S.L.\nDesde marzo 2020", "Ingeniero de Software", "Andaluz Digital S.L.")]
    [InlineData("Pedro Alves\nExperiência\nGerente de Projetos\nConstrutora Vale Verde S.A.\nDesde janeiro de 2020", "Gerente de Projetos", "Construtora Vale Verde S.A.")]
    [InlineData("João Silva\nExperiência Profissional\nAnalista de Sistemas | Tecnova Soluções Ltda. | mar 2019 – atualmente", "Analista de Sistemas", "Tecnova Soluções Ltda.")]
    [InlineData("Wang Wei\n工作经历\n2019.07 - 至今  上海星云科技有限公司  软件工程师", "软件工程师", "上海星云科技有限公司")]
    [InlineData("Dana Levi\nניסיון תעסוקתי\nמפתחת תוכנה, חברת אורן מערכות\n2018 - היום", "מפתחת תוכנה", "חברת אורן מערכות")]
    public void Jobs_are_found_and_split_in_every_heading_language(string text, string title, string employer)
    {
        var job = Parse(text).WorkExperience.Should().ContainSingle().Subject;
        (job.Title, job.Employer).Should().Be((title, employer));
        job.IsCurrent.Should().BeTrue();
    }

    [Fact]
    public void Hebrew_month_names_give_month_dates()
    {
        var job = Parse("Noa Cohen\nניסיון תעסוקתי\nמרץ 2015 - דצמבר 2018: אנליסטית נתונים, בנק הצפון").WorkExperience.Single();
        (job.Start!.Iso, job.End!.Iso).Should().Be(("2015-03", "2018-12"));
        (job.Title, job.Employer).Should().Be(("אנליסטית נתונים", "בנק הצפון"));
    }

    [Theory]
    [InlineData("Steuerkanzlei Brandt & Partner, Bonn", "Steuerkanzlei Brandt & Partner")]
    [InlineData("Okafor & Associates, Lagos", "Okafor & Associates")]
    public void A_firm_named_with_an_ampersand_under_a_dated_title_is_the_employer_not_a_title(string second, string employer)
    {
        var r = TestParser.Parse("Katharina Vogel\nk.vogel@example.de\n\nBerufserfahrung\n08/2016 – 03/2021   Finanzbuchhalterin\n                    " + second + "\n\nKenntnisse\nDATEV");
        var job = r.WorkExperience.Should().ContainSingle().Subject;
        (job.Title, job.Employer).Should().Be(("Finanzbuchhalterin", employer));
    }

    [Fact]
    public void A_labelled_employer_with_a_place_after_its_legal_form_gives_the_place_as_location()
    {
        var r = TestParser.Parse("Priya Rao\nWork Experience\nCompany: Varnel Technologies Pvt. Ltd., Pune\nDesignation: Senior Test Engineer\nDuration: Jun 2021 to Till Date");
        var job = r.WorkExperience.Should().ContainSingle().Subject;
        (job.Title, job.Employer, job.Location).Should().Be(("Senior Test Engineer", "Varnel Technologies Pvt. Ltd.", "Pune"));
    }
}
