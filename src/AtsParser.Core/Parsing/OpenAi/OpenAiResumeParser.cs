using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using AtsParser.Core.Extraction;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing.Compaction;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Polly;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>
/// Structured outputs from an OpenAI-compatible model, with our own failure policy (the SDK's retries are off):
/// 429, 5xx, timeouts and network errors → the Polly retry pipeline of <see cref="OpenAiRetries"/> (Retry-After
/// honoured, capped); finish_reason length → one more call with a bigger output budget (or less input once at the
/// ceiling); context_length_exceeded → compact harder and call again. Anything else, or running out of retries, falls
/// back to the heuristic parser with an LLM_FALLBACK warning. Empty or garbage text never reaches the model.
/// </summary>
public sealed partial class OpenAiResumeParser(ChatClient client, IOptions<OpenAiOptions> options, TokenCalibration calibration,
    AtsMetrics metrics, ILogger<OpenAiResumeParser> logger, IResumeParser? fallback = null, ResumeFinalizer? finalizer = null, SkillDictionary? skills = null,
    TimeProvider? time = null) : IResumeParser
{
    public const int MinMeaningfulChars = 40;
    const double CompactHarder = 0.6;

    ResiliencePipeline? _retries;

    public string Mode => "openai";

    ResiliencePipeline Retries => _retries ??= OpenAiRetries.Build(options.Value, time ?? TimeProvider.System, (failure, attempt, delay) =>
    {
        metrics.LlmRequest(options.Value.Model, failure.Outcome, 0, 0, 0);
        Log.OpenAiRetrying(logger, failure.Reason, attempt, (long)delay.TotalMilliseconds);
        return default;
    });

    public async Task<Resume> ParseAsync(ParseInput input, CancellationToken ct)
    {
        var o = options.Value;
        if (TextQuality.MeaningfulChars(input.Text) < MinMeaningfulChars || TextQuality.IsGarbage(input.Text))
        {
            Log.OpenAiSkippedNoText(logger, TextQuality.MeaningfulChars(input.Text));
            return await FallbackAsync(input, WarningCodes.NoText, "The text is empty or unreadable, so it was not sent to the model.", new Usage(), null, ct);
        }

        var total = Stopwatch.StartNew();
        var usage = new Usage();
        int budget = o.MaxInputChars, outputBudget = o.MaxTokens, compactions = 0;
        bool lengthRetried = false;
        CompactionReport? report = null;
        var tokens = TokenCounter.For(o.Model, o.CharsPerTokenEstimate);
        while (true)
        {
            var sw = Stopwatch.StartNew();
            var compacted = TextCompactor.Compact(input.Text, budget, tokens);
            report = compacted.Report;
            var compactMs = sw.ElapsedMilliseconds;
            Log.OpenAiCompacted(logger, report.CharsBefore, report.CharsAfter, report.Tokenizer, report.TokensBefore, report.TokensAfter, report.CutLines);
            metrics.CompactionRatio(report.TokensBefore == 0 ? 1 : (double)report.TokensAfter / report.TokensBefore);
            var user = ExtractionPrompt.UserMessage(compacted.Text, input.Links);
            try
            {
                var completion = await Retries.ExecuteAsync(async token => await CompleteAsync(user, outputBudget, token), ct);
                // Billed usage when the endpoint reports it; some OpenAI-compatible servers do not, so count what was sent and received.
                int tokensIn = completion.Usage?.InputTokenCount ?? tokens.Count(ExtractionPrompt.System) + tokens.Count(user) + tokens.Count(ExtractionSchema.Json.ToString());
                int tokensOut = completion.Usage?.OutputTokenCount ?? (completion.Content.Count > 0 ? tokens.Count(completion.Content[0].Text ?? "") : 0);
                usage.Add(tokensIn, tokensOut);
                if (completion.Usage is not null) calibration.Record(ExtractionPrompt.System.Length + user.Length + ExtractionSchema.Json.ToMemory().Length, tokensIn);
                Log.OpenAiAnswered(logger, o.Model, completion.FinishReason.ToString(), tokensIn, tokensOut, sw.ElapsedMilliseconds, calibration.CharsPerToken);
                var extracted = completion.FinishReason == ChatFinishReason.Length ? null : Deserialize(completion);
                metrics.LlmRequest(o.Model, extracted is null ? LlmOutcome.InvalidResponse : LlmOutcome.Success, tokensIn, tokensOut, o.EstimateCostUsd(o.Model, tokensIn, tokensOut));
                if (completion.FinishReason == ChatFinishReason.Length)
                {
                    if (lengthRetried) return await FallbackAsync(input, WarningCodes.LlmFallback, "The model's answer was cut off (finish_reason length) twice.", usage, report, ct);
                    lengthRetried = true;
                    if (outputBudget < o.MaxOutputTokensCeiling) outputBudget = Math.Min(o.MaxOutputTokensCeiling, outputBudget * 2);
                    else budget = (int)(Math.Min(budget, compacted.Text.Length) * CompactHarder);
                    Log.OpenAiRetrying(logger, "finish_reason_length", compactions + 2, 0);
                    continue;
                }
                if (extracted is null)
                    return await FallbackAsync(input, WarningCodes.LlmFallback, completion.Refusal is { Length: > 0 } ? "The model refused to answer." : "The model's answer did not match the schema.", usage, report, ct);
                return Success(input, extracted, usage, report, new() { ["compaction"] = compactMs, ["llm"] = total.ElapsedMilliseconds });
            }
            catch (ClientResultException e) when (OpenAiFailures.IsContextLengthExceeded(e))
            {
                // Domain logic, not a transient fault: the same request would fail again, a smaller one may not.
                metrics.LlmRequest(o.Model, LlmOutcome.Error, 0, 0, 0);
                if (compactions++ >= o.MaxCompactionRetries)
                    return await FallbackAsync(input, WarningCodes.LlmFallback, "The input exceeded the model's context even after compacting it harder.", usage, report, ct);
                budget = (int)(Math.Min(budget, compacted.Text.Length) * CompactHarder);
                Log.OpenAiRetrying(logger, OpenAiFailures.ContextLengthExceeded, compactions + 1, 0);
            }
            catch (Exception e) when (OpenAiRetries.IsTransient(e, ct))
            {
                var failure = OpenAiRetries.Describe(e, o);
                metrics.LlmRequest(o.Model, failure.Outcome, 0, 0, 0);
                return await FallbackAsync(input, WarningCodes.LlmFallback, $"The model endpoint kept failing ({failure.Reason}) after {o.MaxRetries} retries.", usage, report, ct);
            }
            catch (ClientResultException e)
            {
                metrics.LlmRequest(o.Model, LlmOutcome.Error, 0, 0, 0);
                return await FallbackAsync(input, WarningCodes.LlmFallback, $"The model endpoint answered HTTP {e.Status} ({OpenAiFailures.ErrorCode(e) ?? "no error code"}).", usage, report, ct);
            }
        }
    }

    async Task<ChatCompletion> CompleteAsync(string user, int maxOutputTokens, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        var request = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(ExtractionSchema.Name, ExtractionSchema.Json, jsonSchemaIsStrict: true),
            MaxOutputTokenCount = maxOutputTokens,
            Temperature = (float)o.Temperature,
        };
        ChatMessage[] messages = [new SystemChatMessage(ExtractionPrompt.System), new UserChatMessage(user)];
        return (await client.CompleteChatAsync(messages, request, timeout.Token)).Value;
    }

    static ExtractedResume? Deserialize(ChatCompletion completion)
    {
        var json = completion.Content.Count > 0 ? completion.Content[0].Text : null;
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ExtractedResume>(json, ExtractionSchema.Serializer); }
        catch (JsonException) { return null; }
    }
}
