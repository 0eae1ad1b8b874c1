using AtsParser.Core.Parsing.Evaluation;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// A narrow date column wraps a range inside its end date; read apart from the entries beside it (a PDF's date
/// gutter), the dates come first and the entries after. Every person, company and place here is invented.
/// </summary>
public class WrappedDateColumnTests
{
    static string N(string? s) => Matching.Text(s);

    [Fact]
    public void Chinese_ranges_wrapped_inside_the_end_date_in_a_date_column_anchor_each_job()
    {
        var r = Parse("""
            林小雨
            xiaoyu.lin@example.org
            工作经历
            2021 年 4 月 – 2024 年
            3月
            2018 年 11 月 – 2019
            年 11 月

            仓储调度员
            华辰冷链有限公司, 宁波
            缩短入库时间。
            运输计划专员
            东岭物流股份有限公司, 合肥
            培训新调度员。
            """);

        r.WorkExperience.Select(j => (N(j.Title), j.Start?.Iso, j.End?.Iso)).Should().Equal(
            (N("仓储调度员"), "2021-04", "2024-03"), (N("运输计划专员"), "2018-11", "2019-11"));
    }

    [Fact]
    public void An_English_range_wrapped_after_its_end_month_is_one_range_again()
    {
        var r = Parse("""
            Maren Tolliver
            maren.t@example.org
            Experience
            Jan 2019 – Mar
            2021
            Route Planner
            Quellbrook Freight, Leeds
            Planned daily routes.
            """);

        var job = r.WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), job.Start?.Iso, job.End?.Iso).Should().Be((N("Route Planner"), "2019-01", "2021-03"));
    }

    [Fact]
    public void A_bulleted_job_line_whose_bracketed_dates_wrap_keeps_its_end_date()
    {
        var r = Parse("""
            Maren Tolliver
            maren.t@example.org
            Experience
            • Route Planner, Quellbrook Freight, Leeds (Jan 2021 — Present)
            • Depot Clerk, Arnholt Foods Ltd, Columbus, OH (Mar 2016 — Sep
            2019)
            Education
            BSc Logistics, Northvale University, 2015
            """);

        r.WorkExperience.Select(j => (N(j.Title), N(j.Employer), j.End?.Iso)).Should().Contain((N("Depot Clerk"), N("Arnholt Foods Ltd"), "2019-09"));
    }

    [Fact]
    public void A_year_on_the_line_after_a_complete_range_stays_its_own_line()
    {
        var r = Parse("""
            Maren Tolliver
            maren.t@example.org
            Experience
            Route Planner, Quellbrook Freight
            2016 – 2018
            Education
            2019
            BSc Logistics, Northvale University
            """);

        r.WorkExperience.Should().ContainSingle().Which.End?.Iso.Should().Be("2018");
        r.Education.Should().ContainSingle().Which.End?.Iso.Should().Be("2019");
    }

    [Fact]
    public void A_bulleted_certificate_or_skill_wrapped_by_a_narrow_column_stays_one_item()
    {
        var r = Parse("""
            Maren Tolliver
            maren.t@example.org
            Skills
            • Route planning
            • Lean Six
            Sigma
            • Forecasting
            Certifications
            • Certified Cold Chain
            Handler
            • Forklift Licence
            """);

        r.Certifications.Select(c => N(c.Name)).Should().Equal(N("Certified Cold Chain Handler"), N("Forklift Licence"));
        r.Skills.Select(s => N(s.Raw)).Should().Contain(N("Lean Six Sigma")).And.NotContain(N("Sigma"));
    }

    [Fact]
    public void Achievement_lines_ending_in_a_figure_are_duties_so_a_date_column_finds_each_entry()
    {
        var r = Parse("""
            Katrin Vollmer
            katrin.v@example.org
            Berufserfahrung
            02.2022 – aktuell
            12.2018 – 09.2021
            Leiterin Disposition
            Hallberg Kühllogistik KG, Regensburg
            Reduzierung der Durchlaufzeiten um 15 %.
            Sachbearbeiterin Zollabwicklung
            Ostrava Handels SE, Graz
            Senkung der Frachtkosten um 120.000 €.
            """);

        r.WorkExperience.Select(j => (N(j.Title), j.Start?.Iso)).Should().Equal(
            (N("Leiterin Disposition"), "2022-02"), (N("Sachbearbeiterin Zollabwicklung"), "2018-12"));
    }

    [Theory]
    [InlineData("מנהלת תפעול\nשחר ולוי לוגיסטיקה בע״מ, נתניה\n2019 – 2023", "שחר ולוי לוגיסטיקה בע״מ")]
    [InlineData("Jefa de almacén\nTorvel Distribución, Zaragoza\n2019 – 2023", "Torvel Distribución")]
    public void A_large_city_after_an_employer_is_its_place_in_any_script(string job, string employer)
    {
        var r = Parse("Dana Roe\ndana@example.org\nExperience\n" + job);

        N(r.WorkExperience.Should().ContainSingle().Subject.Employer).Should().Be(N(employer));
    }

    [Fact]
    public void A_company_dash_title_header_wrapped_before_the_titles_head_word_is_one_header()
    {
        var r = Parse("""
            Dana Roe
            dana@example.org
            Experience
            Quellbrook Freight — Loyalty Programme
            Coordinator
            Leeds, 2018 — 2021
            • Cut dock time by a fifth across two sites.
            """);

        var job = r.WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N("Loyalty Programme Coordinator"), N("Quellbrook Freight")));
    }
}
