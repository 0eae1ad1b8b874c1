using Microsoft.Extensions.Options;

namespace AtsParser.Api.Jobs;

/// <summary>
/// Works the queue with at most JOBS_CONCURRENCY items in flight on this replica. Any number of replicas can run
/// it against the same database: claims skip rows another replica has locked, and expired leases are re-delivered.
/// </summary>
public sealed class JobWorker(JobQueue queue, JobItemRunner runner, JobsDatabase database, IOptions<JobsOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var o = options.Value;
        if (!o.WorkerEnabled || !database.Enabled) return;
        await Task.Yield(); // let the host finish starting before the first database round trip
        Log.WorkerStarted(logger, Owner, o.Concurrency);
        using var slots = new SemaphoreSlim(o.Concurrency);
        var inFlight = new HashSet<Task>();
        var nextReap = DateTimeOffset.MinValue;
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                await slots.WaitAsync(stop);
                taken = 1;
                while (taken < o.Concurrency && slots.Wait(0)) taken++; // claim for every free slot in one round trip
                if (DateTimeOffset.UtcNow >= nextReap)
                {
                    var reaped = await queue.ReapExpiredAsync(o.RetryMaxAttempts, stop);
                    if (reaped > 0) Log.LeasesReaped(logger, reaped);
                    nextReap = DateTimeOffset.UtcNow + o.Lease / 2;
                }
                var items = await queue.ClaimAsync(Owner, taken, o.Lease, stop);
                failures = 0;
                foreach (var item in items)
                {
                    taken--;
                    var task = RunAndRelease(item, slots, stop);
                    lock (inFlight) inFlight.Add(task);
                    _ = task.ContinueWith(t => { lock (inFlight) inFlight.Remove(t); }, TaskScheduler.Default);
                }
                if (items.Count == 0) await Task.Delay(o.PollIntervalMs, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                // The database is down or restarting: back off and keep trying; leases protect the items meanwhile.
                Log.QueueUnavailable(logger, e);
                await Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, o.PollIntervalMs * (1 << Math.Min(++failures, 5)))), stop);
            }
            finally
            {
                if (taken > 0) slots.Release(taken);
            }
        }
        Task[] remaining;
        lock (inFlight) remaining = inFlight.ToArray();
        await Task.WhenAll(remaining); // each hands its item back (ReleaseAsync) when stopped mid-way
    }

    async Task RunAndRelease(ClaimedItem item, SemaphoreSlim slots, CancellationToken stop)
    {
        try { await runner.RunAsync(item, stop); }
        finally { slots.Release(); }
    }

    static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); } catch (OperationCanceledException) { }
    }
}
