using AtsParser.Core.Parsing.Evaluation;
using AtsParser.IntegrationTests.Support;
using AtsParser.Synth;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace AtsParser.IntegrationTests.Parsing;

/// <summary>
/// The accuracy gate CI runs: the same evaluation as `AtsParser.Cli eval` over ../shared/corpus (real extraction
/// tools, real answer keys), failing when any field's F1 drops under its floor in eval-floors.json.
/// </summary>
public class EvaluationFloorsTests(ITestOutputHelper output)
{
    [Fact(Timeout = 900_000)]
    public async Task No_field_falls_below_its_accuracy_floor_on_the_corpus()
    {
        await using var services = CorpusEvaluation.BuildServices();
        var report = await services.GetRequiredService<CorpusEvaluation>().RunAsync(Corpus.Dir, new DateOnly(2026, 1, 15), null, CancellationToken.None);

        foreach (var field in EvalFields.All)
            output.WriteLine($"{field,-15} P {report.Exact[field].Precision:0.000} R {report.Exact[field].Recall:0.000} F1 {report.Exact[field].F1:0.000}");
        report.Documents.Should().BeGreaterThanOrEqualTo(20, "every answer key's document should be found and scored");
        report.Failures.Should().BeEmpty();
        EvalFloors.Violations(report, EvalFloors.Default()).Should().BeEmpty();
    }

    /// <summary>
    /// The second development set: 40 generated resumes (tools/AtsParser.Synth; invented companies, schools and titles in
    /// five languages and many layouts), made once into $ATS_SYNTH_DIR or ~/.cache/atsparser and scored like the corpus.
    /// </summary>
    [Fact(Timeout = 900_000)]
    public async Task No_field_falls_below_its_accuracy_floor_on_the_synthetic_set()
    {
        var dir = await SynthSet.EnsureAsync(SynthSet.DefaultDir(), SynthSet.DefaultSeed, SynthSet.DefaultCount, CancellationToken.None);
        await using var services = CorpusEvaluation.BuildServices();
        var report = await services.GetRequiredService<CorpusEvaluation>().RunAsync(dir, new DateOnly(2026, 1, 15), null, CancellationToken.None);

        foreach (var field in EvalFields.All)
            output.WriteLine($"{field,-15} F1 {report.Exact[field].F1:0.000} reachable {report.Reachable[field].Share:0.000}");
        report.Documents.Should().Be(SynthSet.DefaultCount);
        report.Failures.Should().BeEmpty();
        EvalFloors.Violations(report, EvalFloors.Synthetic()).Should().BeEmpty();
    }

    [Fact]
    public void The_floors_files_name_only_known_fields_and_cover_all_of_them()
    {
        var floors = EvalFloors.Default();
        floors.Keys.Should().BeEquivalentTo(EvalFields.All);
        floors.Values.Should().OnlyContain(v => v > 0 && v <= 1);
        EvalFloors.Synthetic().Keys.Should().BeEquivalentTo(EvalFields.All);
        EvalFloors.Synthetic().Values.Should().OnlyContain(v => v > 0 && v <= 1);
        FluentActions.Invoking(() => EvalFloors.Parse("{\"nmae\": 0.5}")).Should().Throw<InvalidDataException>().WithMessage("*nmae*");
    }
}
