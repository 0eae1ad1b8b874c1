using AtsParser.Api.Jobs;
using AtsParser.Core.Observability;

namespace AtsParser.Api.Observability;

/// <summary>
/// Publishes ats_jobs_queue_depth from the database every 15 s, so the gauge is the shared queue's truth whichever
/// replica is scraped (alerts take the max across instances). Idle when jobs or storage are not configured.
/// </summary>
public sealed class QueueDepthSampler(IServiceProvider services, AtsMetrics metrics, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var queue = services.GetService<JobQueue>();
        var database = services.GetService<JobsDatabase>();
        if (queue is null || database is null || !database.Enabled) return;
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                metrics.JobsQueueDepth(await queue.DepthAsync(stop));
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // A database blip only delays the gauge; the storage and jobs features report the outage themselves.
                Log.QueueDepthUnavailable(logger, e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
    }
}
