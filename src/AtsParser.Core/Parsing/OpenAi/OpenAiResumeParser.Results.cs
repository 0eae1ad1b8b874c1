using AtsParser.Core.Observability;
using AtsParser.Core.Parsing.Compaction;
using AtsParser.Core.Parsing.Grounding;
using OpenAI.Chat;

namespace AtsParser.Core.Parsing.OpenAi;

public sealed partial class OpenAiResumeParser
{
    /// <summary>Tokens billed over every attempt of one parse, failed ones included: they cost money too.</summary>
    sealed class Usage
    {
        public int In, Out;

        public void Add(int tokensIn, int tokensOut)
        {
            In += tokensIn;
            Out += tokensOut;
        }
    }

    Resume Success(ParseInput input, ExtractedResume extracted, Usage usage, CompactionReport report, Dictionary<string, long> timings)
    {
        var o = options.Value;
        var (grounded, warnings) = Grounder.Apply(ExtractionMapper.ToResume(extracted, skills), new SourceIndex(input.Text, input.Links));
        int dropped = warnings.Count(w => w.Message?.EndsWith("dropped.", StringComparison.Ordinal) == true);
        Log.GroundingChecked(logger, dropped, warnings.Count - dropped);
        var resume = grounded with
        {
            Quality = new Quality { Warnings = warnings },
            Meta = new ResumeMeta
            {
                Parser = Mode,
                Model = o.Model,
                PromptVersion = ExtractionPrompt.Version,
                AsOf = input.AsOf,
                TokensIn = usage.In,
                TokensOut = usage.Out,
                EstimatedCostUsd = Cost(usage),
                Truncated = input.TextTruncated || report.CutLines > 0,
                Compaction = report,
            },
        };
        resume = finalizer?.Finalize(resume, input, timings) ?? resume;
        // After the finalizer, which recomputes its own TEXT_TRUNCATED (for extraction) and would drop this one.
        if (report.CutLines == 0) return resume;
        var cut = new QualityWarning(WarningCodes.TextTruncated, "warning", null,
            $"Compaction left out {report.CutLines} lines of low-priority sections to fit MAX_INPUT_CHARS ({report.BudgetChars} characters).");
        return resume with { Quality = resume.Quality with { Warnings = [.. resume.Quality.Warnings, cut] } };
    }

    /// <summary>The heuristic parser's result, flagged with why the model's was not used, carrying the tokens already spent.</summary>
    async Task<Resume> FallbackAsync(ParseInput input, string code, string reason, Usage usage, CompactionReport? report, CancellationToken ct)
    {
        var o = options.Value;
        Log.OpenAiFallback(logger, code, reason);
        var resume = fallback is not null
            ? await fallback.ParseAsync(input, ct)
            : new Resume { Meta = new ResumeMeta { AsOf = input.AsOf, Truncated = input.TextTruncated } };
        var warning = new QualityWarning(code, "warning", null, reason + (fallback is null ? " No heuristic parser is configured, so the resume is empty." : " The result comes from the heuristic parser."));
        bool spent = usage.In + usage.Out > 0;
        return resume with
        {
            Quality = resume.Quality with { Warnings = [.. resume.Quality.Warnings, warning] },
            Meta = resume.Meta with
            {
                Model = spent ? o.Model : resume.Meta.Model,
                PromptVersion = spent ? ExtractionPrompt.Version : resume.Meta.PromptVersion,
                TokensIn = resume.Meta.TokensIn + usage.In,
                TokensOut = resume.Meta.TokensOut + usage.Out,
                EstimatedCostUsd = resume.Meta.EstimatedCostUsd + Cost(usage),
                Compaction = report,
            },
        };
    }

    decimal Cost(Usage usage) => (decimal)Math.Round(options.Value.EstimateCostUsd(options.Value.Model, usage.In, usage.Out), 6);
}
