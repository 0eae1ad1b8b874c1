using System.ClientModel;
using AtsParser.Core.Observability;
using Polly;
using Polly.Retry;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>
/// The one retry layer around a model call (the SDK's own retries are off, see OpenAiServices): 429, 408, 5xx, a
/// per-attempt timeout and network errors are retried with exponential backoff and jitter, at most MaxRetries times.
/// A Retry-After (or OpenAI's retry-after-ms) on a 429 or 503 replaces the backoff, capped at MaxRetryAfterSeconds.
/// Anything else, context_length_exceeded included, goes straight back to the parser, which decides what to do.
/// </summary>
static class OpenAiRetries
{
    /// <summary>A failed attempt: why (for the log and the fallback message) and its metric outcome.</summary>
    public readonly record struct Failure(string Reason, string Outcome);

    public static ResiliencePipeline Build(OpenAiOptions o, TimeProvider time, Func<Failure, int, TimeSpan, ValueTask> onRetry)
    {
        // Polly wants at least one retry; none at all is the empty pipeline (one try).
        if (o.MaxRetries <= 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e, args.Context.CancellationToken)),
            MaxRetryAttempts = o.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMs),
            MaxDelay = TimeSpan.FromSeconds(30),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, o, time)),
            OnRetry = args => onRetry(Describe(args.Outcome.Exception!, o), args.AttemptNumber + 1, args.RetryDelay),
        }).Build();
    }

    /// <summary>Worth another try: 429, 408, 5xx, network failures, and an attempt timeout (not the caller's cancellation).</summary>
    public static bool IsTransient(Exception e, CancellationToken caller) => e switch
    {
        ClientResultException c => OpenAiFailures.IsTransient(c),
        OperationCanceledException => !caller.IsCancellationRequested,
        HttpRequestException => true,
        _ => false,
    };

    public static Failure Describe(Exception e, OpenAiOptions o) => e switch
    {
        ClientResultException { Status: 0 } => new("network error", LlmOutcome.Error),
        ClientResultException { Status: 429 } => new("HTTP 429", LlmOutcome.RateLimited),
        ClientResultException c => new($"HTTP {c.Status}", LlmOutcome.Error),
        OperationCanceledException => new($"timeout after {o.TimeoutSeconds} s", LlmOutcome.Timeout),
        _ => new("network error", LlmOutcome.Error),
    };

    /// <summary>The server's wait on a 429 or 503, capped; null = use the backoff.</summary>
    static TimeSpan? RetryAfter(Exception? e, OpenAiOptions o, TimeProvider time) =>
        e is ClientResultException { Status: 429 or 503 } c && OpenAiFailures.RetryAfter(c, time.GetUtcNow()) is { } after
            ? TimeSpan.FromSeconds(Math.Min(after.TotalSeconds, o.MaxRetryAfterSeconds))
            : null;
}
