using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

public class DerivedFieldsTests
{
    static readonly DateOnly AsOf = new(2026, 1, 15);

    static WorkExperience Job(string title, string start, string? end, bool current = false) => new()
    {
        Title = title, Employer = "Acme",
        Start = new PartialDate(start, start, start.Length == 4 ? DatePrecision.Year : DatePrecision.Month),
        End = end is null ? null : new PartialDate(end, end, end.Length == 4 ? DatePrecision.Year : DatePrecision.Month),
        IsCurrent = current,
    };

    static Resume Finalize(params WorkExperience[] jobs) =>
        new ResumeFinalizer().Finalize(new Resume { WorkExperience = [.. jobs] }, new ParseInput("", [], AsOf), new Dictionary<string, long>());

    [Fact]
    public void Overlapping_jobs_count_once_in_total_experience()
    {
        var r = Finalize(Job("A", "2019-01", "2020-12"), Job("B", "2020-01", "2021-06"));
        r.Derived.TotalExperienceMonths.Should().Be(30);
        r.Derived.Gaps.Should().BeEmpty();
    }

    [Fact]
    public void A_pause_between_jobs_is_a_gap_and_not_experience()
    {
        var r = Finalize(Job("A", "2015-01", "2015-12"), Job("B", "2016-07", "2016-12"));
        r.Derived.TotalExperienceMonths.Should().Be(18);
        r.Derived.Gaps.Should().Equal(new Gap("2016-01", "2016-06", 6));
    }

    [Fact]
    public void A_current_job_runs_to_as_of_and_is_the_current_title()
    {
        var r = Finalize(Job("Old", "2018-01", "2019-12"), Job("Now", "2025-01", null, current: true) with { End = new PartialDate("Present", null, null) });
        r.Derived.CurrentTitle.Should().Be("Now");
        r.WorkExperience[1].End!.Iso.Should().Be("2026-01");
        r.Derived.TotalExperienceMonths.Should().Be(24 + 13);
        r.Derived.Gaps.Single().Months.Should().Be(60);
    }

    [Fact]
    public void Year_only_ranges_run_from_january_to_december()
    {
        Finalize(Job("A", "2016", "2018")).Derived.TotalExperienceMonths.Should().Be(36);
    }

    [Fact]
    public void Backwards_and_future_dates_carry_warnings_with_paths()
    {
        var r = Finalize(Job("A", "2021-03", "2019-01"), Job("B", "2020-01", "2027-05"));
        r.Quality.Warnings.Select(w => (w.Code, w.Path)).Should().Contain([
            (WarningCodes.DateEndBeforeStart, "workExperience[0].end"),
            (WarningCodes.FutureEndDate, "workExperience[1].end"),
            (WarningCodes.NoContact, "candidate")]);
    }

    [Fact]
    public void Raw_dates_from_any_parser_get_iso_and_phones_get_e164_from_the_location()
    {
        var resume = new Resume
        {
            Candidate = new Candidate { Phones = [new Phone("(206) 555-0149", null)], Location = new Location("Seattle, WA", "Seattle", "WA", "US") },
            WorkExperience = [new WorkExperience { Title = "A", Start = new PartialDate("Oct. 2021", null, null), End = new PartialDate("Till Date", null, null) }],
        };
        var r = new ResumeFinalizer().Finalize(resume, new ParseInput("", [], AsOf), new Dictionary<string, long>());
        r.Candidate.Phones.Single().E164.Should().Be("+12065550149");
        r.WorkExperience[0].Start!.Iso.Should().Be("2021-10");
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.Meta.AsOf.Should().Be(AsOf);
        new ResumeFinalizer().Finalize(r, new ParseInput("", [], AsOf), new Dictionary<string, long>()).Quality.Warnings.Should().BeEquivalentTo(r.Quality.Warnings);
    }
}
