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
/// run as in the service, and the result is scored against the same key with the `eval` rules. The floor holds on the
/// key's values that are in the extraction at all (a value extraction never produced, such as a PDF link target or an
/// e-mail OCR cannot read, is extraction's loss, reported by the "reachable" column of `eval`, not the model path's).
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
        var readable = new Evaluator();
        int documents = 0, dates = 0, datesKept = 0, datesIso = 0, phones = 0, phonesE164 = 0;
        foreach (var keyPath in Directory.GetFiles(Path.Combine(Corpus.Dir, "truth"), "*.json").Order(StringComparer.Ordinal))
        {
            var key = TruthKey.Load(keyPath);
            var bytes = await File.ReadAllBytesAsync(Corpus.PathOf(key.File));
            ExtractionResult text;
            try { text = await chain.RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(key.File))), CancellationToken.None); }
            catch (ExtractionFailedException e)
            {
                // Extraction is not what this test measures (OCR can time out on a loaded machine): leave the document out, say so.
                output.WriteLine($"{key.File}: extraction failed ({e.Message}), left out");
                continue;
            }
            var input = new ParseInput(text.FullText, text.LinkTargets, new DateOnly(2026, 1, 15));
            var inText = PerfectModel.Readable(key, text.FullText, text.LinkTargets);

            var resume = await ParseAsync(harness, input, key);
            var fromText = await ParseAsync(harness, input, inText);

            resume.Meta.Parser.Should().Be("openai", $"{key.File} must be parsed from the model's answer, not the fallback");
            fromText.Meta.Parser.Should().Be("openai");
            evaluator.Score(key, resume, text.FullText, text.LinkTargets);
            readable.Score(inText, fromText);
            documents++;
            foreach (var job in inText.Experience ?? [])
            {
                var got = fromText.WorkExperience.FirstOrDefault(w => Matching.Text(w.Title) == Matching.Text(job.Title) && Matching.Text(w.Employer) == Matching.Text(job.Company));
                foreach (var (printed, parsed) in new[] { (job.Start, got?.Start), (job.End, got?.End) }.Where(d => Matching.Text(d.Item1).Length > 0 && Matching.Text(text.FullText).Contains(Matching.Text(d.Item1))))
                {
                    dates++;
                    if (parsed is not null && Matching.Text(parsed.Raw) == Matching.Text(printed)) datesKept++;
                    if (parsed?.Iso is not null) datesIso++;
                }
            }
            phones += fromText.Candidate.Phones.Count;
            phonesE164 += fromText.Candidate.Phones.Count(p => p.E164 is not null);
        }

        output.WriteLine("field           F1 vs key  reachable  F1 vs key values in the extraction");
        foreach (var field in EvalFields.All)
            output.WriteLine($"{field,-15} {evaluator.Exact[field].F1,9:0.000}  {evaluator.Reachable[field].Share,9:0.000}  {readable.Exact[field].F1,9:0.000} ({Counts(readable.Exact[field])})");
        output.WriteLine($"job dates printed in the extraction: {dates}, kept as printed {datesKept} ({Share(datesKept, dates):0.000}), with an ISO date {datesIso} ({Share(datesIso, dates):0.000}); phones with E.164 {phonesE164}/{phones}");
        foreach (var m in evaluator.Mismatches) output.WriteLine($"full key: {m.File} {m.Field} {m.Kind} {m.Value}");
        foreach (var m in readable.Mismatches) output.WriteLine($"in extraction: {m.File} {m.Field} {m.Kind} {m.Value}");
        documents.Should().BeGreaterThanOrEqualTo(20);
        harness.Server.Requests.Should().HaveCount(2 * documents);
        EvalFields.All.Where(f => Math.Round(readable.Exact[f].F1, 3) < Floor).Should().BeEmpty("every correct value the model returns should survive our side of the model path");
        Share(datesKept, dates).Should().BeGreaterThanOrEqualTo(Floor, "a job's printed dates should survive grounding");
    }

    static double Share(int part, int all) => all == 0 ? 1 : (double)part / all;

    static async Task<Resume> ParseAsync(OpenAiParserHarness harness, ParseInput input, TruthKey answer)
    {
        harness.Server.Then(FakeReply.Answer(JsonSerializer.Serialize(PerfectModel.Answer(answer), ExtractionSchema.Serializer)));
        return await harness.Parser.ParseAsync(input, CancellationToken.None);
    }

    static string Counts(FieldScore s) => $"{s.TruePositives}/{s.FalsePositives}/{s.FalseNegatives}";
}
