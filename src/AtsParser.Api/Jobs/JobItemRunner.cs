using AtsParser.Core.Pipeline;
using System.Diagnostics;
using System.Text.Json;
using AtsParser.Api.Storage;
using AtsParser.Core.Documents;
using AtsParser.Core.Observability;
using AtsParser.Api.Parse;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AtsParser.Api.Jobs;

/// <summary>
/// Processes one claimed item through the same path as /api/v1/parse (ParseService: cache, pipeline, optional
/// store), so job results equal parse results, keeping the lease alive meanwhile. Losing the lease cancels the work; stopping the host hands
/// the item back; failures are classified into retry, fail or dead-letter.
/// </summary>
public sealed class JobItemRunner(JobQueue queue, IServiceScopeFactory scopes, IOptions<JobsOptions> options,
    IOptions<HttpJsonOptions> json, AtsMetrics metrics, ILogger<JobItemRunner> logger)
{
    public async Task RunAsync(ClaimedItem item, CancellationToken stop)
    {
        var o = options.Value;
        using var leaseLost = new CancellationTokenSource();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stop, leaseLost.Token);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(item, o.Lease, leaseLost, heartbeatStop.Token);
        var sw = Stopwatch.StartNew();
        string? resultJson = null;
        Exception? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ParseService>();
            var job = JsonSerializer.Deserialize<JobOptions>(item.OptionsJson, json.Value.SerializerOptions)!;
            // The bytes are read once a parse slot is free (Background: the item waits for one as long as it takes).
            var parsed = await service.ProcessAsync(async t => new Upload(item.FileName, item.ContentType, await queue.LoadBytesAsync(item.Id, t)
                    // Cancelled meanwhile (DELETE dropped the bytes): the fenced write below then changes nothing.
                    ?? throw new DocumentException(JobErrors.BytesMissing, "The stored upload is gone."), null),
                new ParseRequest(job.Parse, job.Store, job.Force, Background: true), job.Tenant, work.Token);
            resultJson = JsonSerializer.Serialize(parsed.Result, json.Value.SerializerOptions);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            Log.LeaseLost(logger, item.JobId, item.Seq);
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Settle(async t => { await queue.ReleaseAsync(item, t); return true; });
            Log.ItemReleased(logger, item.JobId, item.Seq);
            return;
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        // The outcome is written even while the host is stopping: the work is done, only the commit is left.
        if (resultJson is not null)
        {
            if (await Settle(t => queue.SucceedAsync(item, resultJson, t)))
            {
                Log.ItemSucceeded(logger, item.JobId, item.Seq, item.Sha256, item.Attempts, sw.ElapsedMilliseconds);
                metrics.JobFinished(JobOutcome.Succeeded);
            }
            else Log.LeaseLost(logger, item.JobId, item.Seq);
            return;
        }
        var failure = FailureClassifier.Classify(error!);
        var outcome = await Settle(t => queue.FailAsync(item, failure, o, t));
        // Counted once per written outcome (a lost lease writes nothing and counts nothing): feeds the dead-letter alert.
        if (outcome is not null)
            metrics.JobFinished(outcome == ItemStatus.Queued ? JobOutcome.Retried : outcome);
        Log.ItemFailed(logger, item.JobId, item.Seq, item.Sha256, failure.Code, outcome ?? "lease_lost", item.Attempts);
    }

    async Task HeartbeatAsync(ClaimedItem item, TimeSpan lease, CancellationTokenSource leaseLost, CancellationToken ct)
    {
        var period = lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, ct);
                try
                {
                    if (!await queue.HeartbeatAsync(item, lease, ct)) { await leaseLost.CancelAsync(); return; }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.HeartbeatFailed(logger, e); // a blip; the lease outlives a few missed beats
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    // The final write gets its own bounded token, independent of the stopping token.
    async Task<T?> Settle<T>(Func<CancellationToken, Task<T>> write)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { return await write(grace.Token); }
        catch (Exception e)
        {
            // The lease will expire and the item be re-delivered; the fenced writes keep that exactly-once.
            Log.QueueUnavailable(logger, e);
            return default;
        }
    }
}
