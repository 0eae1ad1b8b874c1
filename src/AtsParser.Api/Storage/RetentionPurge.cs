using AtsParser.Api.Caching;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Storage;

/// <summary>Erases resumes stored more than RETENTION_DAYS ago, exactly like DELETE does (rows, text, vectors, cache).</summary>
public sealed class RetentionPurge(IServiceScopeFactory scopes, ParseCache cache, IOptions<StorageOptions> options, TimeProvider time, ILogger<RetentionPurge> logger)
{
    const int Batch = 500;

    /// <summary>Returns how many resumes were erased (0 when retention is off).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var days = options.Value.RetentionDays;
        if (!options.Value.Enabled || days == 0) return 0;
        var cutoff = time.GetUtcNow().AddDays(-days);
        var total = 0;
        while (true)
        {
            // A fresh scope per batch keeps the change tracker small on large purges.
            await using var scope = scopes.CreateAsyncScope();
            var shas = await scope.ServiceProvider.GetRequiredService<ResumeStore>().DeleteOlderThanAsync(cutoff, Batch, ct);
            foreach (var sha in shas) await cache.EraseAsync(sha, ct);
            total += shas.Count;
            if (shas.Count < Batch) break;
        }
        Log.RetentionPurged(logger, total, days);
        return total;
    }
}

/// <summary>Runs the purge on start and then every RetentionIntervalMinutes while RETENTION_DAYS is set.</summary>
public sealed class RetentionService(RetentionPurge purge, IOptions<StorageOptions> options, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.RetentionDays == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes));
        do
        {
            try { await purge.RunAsync(stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next tick retries.
                Log.RetentionFailed(logger, e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
