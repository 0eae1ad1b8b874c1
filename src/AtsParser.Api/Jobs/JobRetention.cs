using Microsoft.Extensions.Options;

namespace AtsParser.Api.Jobs;

/// <summary>Deletes finished jobs (results, bytes, webhook history) JOBS_RETENTION_DAYS after they finished.</summary>
public sealed class JobRetention(JobControl control, JobsDatabase database, IOptions<JobsOptions> options, ILogger<JobRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var o = options.Value;
        if (!database.Enabled || !o.WorkerEnabled || o.RetentionDays == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        try
        {
            do
            {
                try
                {
                    var purged = await control.PurgeAsync(TimeSpan.FromDays(o.RetentionDays), stop);
                    if (purged > 0) Log.JobsPurged(logger, purged, o.RetentionDays);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.QueueUnavailable(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }
}
