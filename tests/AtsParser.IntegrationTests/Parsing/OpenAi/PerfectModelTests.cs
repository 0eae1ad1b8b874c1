using System.Text.Json;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Parsing.OpenAi;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

/// <summary>
/// What the model path loses on its own: the fake OpenAI-compatible server answers every corpus document with its
/// answer key (a perfect model), through the real SDK over HTTP; mapping, grounding, the finalizer, dates and E.164
/// run as in the service, and the result is scored against the same key with the `eval` rules.
/// </summary>
public sealed class PerfectModelTests(ITestOutputHelper output)
{
    public const double Floor = 0.98;

    [Fact(Timeout = 900_000)]
    public async Task A_perfect_model_answer_keeps_every_field_above_the_floor_after_mapping_grounding_and_finalizing()
    {
        await using var extraction = CorpusEvaluation.BuildServices();
        var chain = extraction.GetRequiredService<ChainRunner>();
        await using var harness = await OpenAiParserHarness.StartAsync();
        var evaluator = new Evaluator();
        int documents = 0;
        foreach (var keyPath in Directory.GetFiles(Path.Combine(Corpus.Dir, "truth"), "*.json").Order(StringComparer.Ordinal))
        {
            var key = TruthKey.Load(keyPath);
            var bytes = await File.ReadAllBytesAsync(Corpus.PathOf(key.File));
            var text = await chain.RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(key.File))), CancellationToken.None);
            harness.Server.Then(FakeReply.Answer(JsonSerializer.Serialize(PerfectModel.Answer(key), ExtractionSchema.Serializer)));

            var resume = await harness.Parser.ParseAsync(new ParseInput(text.FullText, text.Links, new DateOnly(2026, 1, 15)), CancellationToken.None);

            resume.Meta.Parser.Should().Be("openai", $"{key.File} must be parsed from the model's answer, not the fallback");
            evaluator.Score(key, resume, text.FullText, text.Links);
            documents++;
        }

        foreach (var field in EvalFields.All)
            output.WriteLine($"{field,-15} F1 {evaluator.Exact[field].F1:0.000} (tp/fp/fn {evaluator.Exact[field].TruePositives}/{evaluator.Exact[field].FalsePositives}/{evaluator.Exact[field].FalseNegatives}), reachable {evaluator.Reachable[field].Share:0.000}");
        foreach (var m in evaluator.Mismatches) output.WriteLine($"{m.File} {m.Field} {m.Kind} {m.Value}");
        documents.Should().BeGreaterThanOrEqualTo(20);
        harness.Server.Requests.Should().HaveCount(documents);
        EvalFields.All.Where(f => Math.Round(evaluator.Exact[f].F1, 3) < Floor).Should().BeEmpty("every correct value the model returns should survive our side of the model path");
    }
}
