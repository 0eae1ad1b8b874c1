using Polly;
using Polly.Retry;

namespace AtsParser.Cli.Client;

/// <summary>
/// Retries what can heal by itself: an unreachable server, 429 and 5xx (queue full, rate limit), with exponential
/// backoff and jitter (a Polly retry strategy), honouring Retry-After. Errors that a retry cannot fix (4xx) are thrown at once.
/// </summary>
public sealed class Retrying
{
    readonly ResiliencePipeline _pipeline;

    public Retrying(int maxRetries, TimeSpan baseDelay, Action<string>? onRetry = null)
    {
        // Polly wants at least one retry; none at all is the empty pipeline.
        _pipeline = maxRetries <= 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = TimeSpan.FromMinutes(2),
            // The server's Retry-After wins over the backoff (null: use the backoff).
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ApiException { RetryAfter: { } ra } && ra > TimeSpan.Zero ? ra : (TimeSpan?)null),
            OnRetry = args =>
            {
                onRetry?.Invoke($"{args.Outcome.Exception?.Message}; retrying in {args.RetryDelay.TotalSeconds:0.#} s");
                return default;
            },
        }).Build();
    }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct) =>
        await _pipeline.ExecuteAsync(async token => await action(token), ct);

    public Task RunAsync(Func<CancellationToken, Task> action, CancellationToken ct) =>
        RunAsync(async t => { await action(t); return true; }, ct);

    public static bool IsTransient(Exception e) => e is ServerUnreachableException || e is ApiException { Transient: true };
}
