namespace AtsParser.Cli.Client;

/// <summary>
/// Retries what can heal by itself: an unreachable server, 429 and 5xx (queue full, rate limit), with exponential
/// backoff and jitter, honouring Retry-After. Errors that a retry cannot fix (4xx) are thrown at once.
/// </summary>
public sealed class Retrying(int maxRetries, TimeSpan baseDelay, Action<string>? onRetry = null)
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await action(ct); }
            catch (Exception e) when (attempt < maxRetries && IsTransient(e))
            {
                var delay = Delay(attempt, e);
                onRetry?.Invoke($"{e.Message}; retrying in {delay.TotalSeconds:0.#} s");
                await Task.Delay(delay, ct);
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> action, CancellationToken ct) =>
        RunAsync(async t => { await action(t); return true; }, ct);

    public static bool IsTransient(Exception e) => e is ServerUnreachableException || e is ApiException { Transient: true };

    TimeSpan Delay(int attempt, Exception e)
    {
        if (e is ApiException { RetryAfter: { } ra } && ra > TimeSpan.Zero) return ra;
        var exp = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 8));
        return TimeSpan.FromMilliseconds(Math.Min(exp, 120_000) * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
