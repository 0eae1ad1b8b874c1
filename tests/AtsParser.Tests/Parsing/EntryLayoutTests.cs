using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>Entry layouts anchored on dates, table headers and lines wrapped in narrow columns; every name here is invented.</summary>
public class EntryLayoutTests
{
    [Fact]
    public void A_date_line_in_lower_case_after_a_duty_line_opens_the_next_job()
    {
        var r = Parse("Claire Morel\nExpérience professionnelle\nseptembre 2021 - janvier 2024\nChargée de paie\nVornel Transports, Lille\nMise en place d'un tableau de bord hebdomadaire des flux.\nseptembre 2018 - juillet 2021\nChargée de logistique\nBrastel S.A., Nantes\nSuivi des expéditions.");
        JobRoles(r).Should().Equal(("Chargée de paie", "Vornel Transports"), ("Chargée de logistique", "Brastel S.A."));
    }

    [Fact]
    public void Short_duty_sentences_without_bullets_are_never_employers()
    {
        var r = Parse("Rui Costa\nExperiência profissional\nTalvora Engenharia Ltda., Coimbra\tdez. 2021 – presente\nCoordenador de frota\nRedução de 15% no custo de frete por entrega.\nLiderança de equipe com 12 colaboradores.\nFenmar Alimentos ME, Porto\tout. 2019 – dez. 2021\nAnalista de tarifas\nNegociação de contratos com transportadoras.");
        JobRoles(r).Should().Equal(("Coordenador de frota", "Talvora Engenharia Ltda."), ("Analista de tarifas", "Fenmar Alimentos ME"));
        r.WorkExperience[0].Description.Should().Contain("Liderança de equipe");
    }

    [Fact]
    public void A_duty_line_ending_in_a_product_acronym_stays_with_its_job()
    {
        // "Power BI." reads like a legal form with its dot ("BI" is a Lithuanian one); the full stop ends a sentence.
        var r = Parse("Tomasz Wren\nWork History\n\nKelbrook Analytics Ltd — London\nSenior Data Scientist\t\tMarch 2021 – present\nBuilt churn models for telecom clients.\n\nOrvane Insurance — Manchester\nData Analyst\t\tSeptember 2017 – February 2021\nAutomated weekly reporting in Python and Power BI.\n\nPellow Bank — Leeds\nJunior Analyst\t\tJune 2015 – August 2017\nMaintained SQL dashboards in SSRS.");
        JobRoles(r).Should().Equal(("Senior Data Scientist", "Kelbrook Analytics Ltd"), ("Data Analyst", "Orvane Insurance"), ("Junior Analyst", "Pellow Bank"));
        r.WorkExperience[1].Description.Should().Contain("Power BI");
    }

    [Theory]
    [InlineData("Analista de tarifas en Calant Consultores S.A. de C.V.", true)]
    [InlineData("Nordlicht Ltda.", true)]
    [InlineData("Brenner & Sohn GbR.", true)]
    [InlineData("Pellow Holdings Inc.", true)]
    [InlineData("Automated weekly reporting in Python and Power BI.", false)]
    [InlineData("Migrated the dashboards to Power BI", false)]
    [InlineData("Led the move to Power BI and SSRS.", false)]
    public void A_full_stop_belongs_to_a_legal_form_only_when_the_form_is_written_so(string line, bool legal) =>
        OpenVocabulary.FullStopOfLegalForm(line).Should().Be(legal, line);

    [Fact]
    public void Dates_in_brackets_after_title_company_and_city_leave_no_bracket_behind()
    {
        var r = Parse("Jonas Keller\nBerufserfahrung\nTeamleitung Lohnbuchhaltung, Quendorf Logistik AG, Münster (07.2022 — 04.2024)\nTeamleitung Disposition, Marlo AG, Bremen (12.2019 — 04.2022)");
        JobRoles(r).Should().Equal(("Teamleitung Lohnbuchhaltung", "Quendorf Logistik AG"), ("Teamleitung Disposition", "Marlo AG"));
        r.WorkExperience[0].Location.Should().Be("Münster");
    }

    [Theory]
    [InlineData("Coordinadora de logística en frío en Ostrava & Velis Alimentación SL", "Coordinadora de logística en frío", "Ostrava & Velis Alimentación SL")]
    [InlineData("Planejador de frota na Solvik Consultoria Lda.", "Planejador de frota", "Solvik Consultoria Lda.")]
    [InlineData("Disponent Datenqualität bei Karmer & Lenz Kältetechnik KG", "Disponent Datenqualität", "Karmer & Lenz Kältetechnik KG")]
    [InlineData("Analista de tarifas en Calvent Consultores S.A. de C.V.", "Analista de tarifas", "Calvent Consultores S.A. de C.V.")]
    public void The_at_word_that_leaves_a_capitalised_company_on_its_right_splits_the_line(string header, string title, string employer)
    {
        var r = Parse($"Ana Ruiz\nExperience\n{header}\nmayo 2018 — agosto 2020 / Bilbao\nNegociación de tarifas con transportistas.");
        JobRoles(r).Should().Equal((title, employer));
    }

    [Fact]
    public void A_job_table_header_row_gives_each_column_its_role()
    {
        var r = Parse("Lena Brandt\nBerufserfahrung\nZeitraum | Position | Unternehmen\n07.2023 — aktuell | Planer Routenplanung | Wenstadt\n11.2019 — 02.2023 | Sachbearbeiter Lohnbuchhaltung | Dorvel Datendienste SE");
        JobRoles(r).Should().Equal(("Planer Routenplanung", "Wenstadt"), ("Sachbearbeiter Lohnbuchhaltung", "Dorvel Datendienste SE"));
    }

    [Fact]
    public void A_legal_form_wrapped_onto_the_next_line_stays_with_its_company()
    {
        var r = Parse("Eva Soto\nExperiencia profesional\nJefe de datos clínicos, Lumeda Energía\nS.A. de C.V., Querétaro\noct. 2017 — ago. 2020\n• Coordinación de un equipo de diez operarios.");
        JobRoles(r).Should().Equal(("Jefe de datos clínicos", "Lumeda Energía S.A. de C.V."));
    }

    [Fact]
    public void A_title_wrapped_after_the_company_dash_is_joined_again()
    {
        var r = Parse("Tom Hale\nExperience\nQuenwick Outfitters Group — Tariff\nScheduler\nTacoma, WA, 2021 — 2022\n• Trained six new planners on the scheduling workflow.");
        JobRoles(r).Should().Equal(("Tariff Scheduler", "Quenwick Outfitters Group"));
    }

    [Fact]
    public void A_dash_inside_a_title_stays_when_the_employer_stands_apart()
    {
        var r = Parse("Sam Ortiz\nExperience\nDirector of IT – Hybrid Cloud and Enterprise Automation\tMarch 2019 – November 2021 Halvern Media Group – Austin, TX\n▪ Led the re-platforming of the private cloud.\nDirector – IT Operations\tNovember 2010 – May 2012\nBrightwell Studios – Austin, TX\n▪ Moved the office network.");
        JobRoles(r).Should().Equal(("Director of IT – Hybrid Cloud and Enterprise Automation", "Halvern Media Group"), ("Director – IT Operations", "Brightwell Studios"));
    }

    [Fact]
    public void Company_dash_title_lines_still_split_at_the_dash()
    {
        var r = Parse("Tom Hale\nExperience\nQuenwick Outfitters Group — Head of Fleet\nTacoma, WA, 2021 — 2022\n• Trained six new planners on the scheduling workflow.");
        JobRoles(r).Should().Equal(("Head of Fleet", "Quenwick Outfitters Group"));
    }

    [Fact]
    public void Profile_export_lines_split_at_at_even_when_the_client_reads_like_a_role()
    {
        var r = Parse("Kim Lau\nExperience\nWeb Developer at Weekend Community Developer\nJanuary 2010 - Present (less than a year)\n1 recommendation available upon request\nBuilt community tools.\nSenior Consultant at Brightleaf\nMarch 2008 - December 2009\nRan the migration.");
        JobRoles(r).Should().Equal(("Web Developer", "Weekend Community Developer"), ("Senior Consultant", "Brightleaf"));
    }

    [Theory]
    [InlineData("Universidade de Dorvale, Marópolis\nBacharelado em Logística\n2011 – 2013", "Bacharelado em Logística", "Universidade de Dorvale")]
    [InlineData("IUT de Solvanne, Karac\nDUT Gestion logistique\n2009 – 2011", "DUT Gestion logistique", "IUT de Solvanne")]
    [InlineData("Escuela de Negocios de Fenara\nTécnico Superior en Administración de Empresas\n2012 — 2015", "Técnico Superior en Administración de Empresas", "Escuela de Negocios de Fenara")]
    [InlineData("2007 — 2011 Bachelor of Science in\nIndustrial Design, Norwell Institute of\nTechnology", "Bachelor of Science in Industrial Design", "Norwell Institute of Technology")]
    [InlineData("2006 Associate of Applied Science in\nSupply Chain Management, Dorwick State\nUniversity", "Associate of Applied Science in Supply Chain Management", "Dorwick State University")]
    public void Education_keeps_the_city_out_of_the_school_and_the_field_in_the_degree(string rows, string degree, string school)
    {
        var e = Parse($"Ana Lima\nEducation\n{rows}").Education.Should().ContainSingle().Subject;
        (e.Degree, e.Institution).Should().Be((degree, school));
    }

    [Fact]
    public void A_long_dated_header_with_abbreviated_months_is_a_job_not_a_duty_sentence()
    {
        var r = Parse("Rui Tavel\nHistórico profissional\nGerente de dados clínicos, Nordal & Caltek Consultoria Ltda., Campinas (abr. 2021 – mar. 2023)\nGerente de manutenção de rede, Tordal Engenharia Lda., Campinas (mai. 2017 – nov. 2020)");
        JobRoles(r).Should().Equal(("Gerente de dados clínicos", "Nordal & Caltek Consultoria Ltda."), ("Gerente de manutenção de rede", "Tordal Engenharia Lda."));
        r.WorkExperience[0].Start!.Iso.Should().Be("2021-04");
    }
}
