using AtsParser.Api.Webhooks;
using Dapper;
using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>
/// Moves items to a final state in one transaction with everything that follows from it: the stored bytes are
/// deleted, per-file webhooks are queued, and the job completes when its last item does.
/// </summary>
public sealed class JobFinisher(JobsDatabase database)
{
    NpgsqlDataSource db => database.Source;

    public async Task<bool> FinishAsync(ClaimedItem item, string status, string? resultJson, ItemFailure? failure, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var updated = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE job_items SET status = @status, result = @resultJson::json, error_code = @code, error_detail = @detail,
                   finished_at = now(), updated_at = now(), lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """, new { status, resultJson, code = failure?.Code, detail = failure?.Detail, id = item.Id, token = item.LeaseToken }, tx, cancellationToken: ct));
        if (updated == 0) return false; // the lease was lost: someone else owns the item now
        await AfterItemsFinishedAsync(conn, tx, item.JobId, [item.Id], ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Expired leases on their last attempt: the document probably kills or hangs the worker, so it stops here.</summary>
    public async Task<int> DeadLetterExpiredAsync(int maxAttempts, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var finished = (await conn.QueryAsync<(long Id, Guid Job)>(new CommandDefinition("""
            UPDATE job_items SET status = 'dead_lettered', error_code = 'lease_expired', finished_at = now(), updated_at = now(),
                   error_detail = 'The replica processing it stopped renewing its lease on the last allowed attempt.',
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
             WHERE status = 'running' AND lease_expires_at < now() AND attempts >= @maxAttempts
            RETURNING id, job_id
            """, new { maxAttempts }, tx, cancellationToken: ct))).AsList();
        foreach (var job in finished.GroupBy(f => f.Job))
            await AfterItemsFinishedAsync(conn, tx, job.Key, job.Select(f => f.Id).ToArray(), ct);
        await tx.CommitAsync(ct);
        return finished.Count;
    }

    /// <summary>
    /// Runs inside the item's transaction. Locking the job row serialises the "was that the last item?" check,
    /// so two replicas finishing the last two items at once cannot both miss (or both send) the completion.
    /// Lock order is always items, then job, which keeps cancel and requeue free of deadlocks with the workers.
    /// </summary>
    public static async Task AfterItemsFinishedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid jobId, long[] itemIds, CancellationToken ct)
    {
        await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM job_item_blobs b USING job_items i
             WHERE b.item_id = i.id AND i.id = ANY(@itemIds) AND i.status <> 'dead_lettered'
            """, new { itemIds }, tx, cancellationToken: ct));
        var webhook = await conn.QuerySingleOrDefaultAsync<(string? Url, bool PerFile)>(new CommandDefinition(
            "SELECT webhook_url, webhook_per_file FROM jobs WHERE id = @jobId FOR NO KEY UPDATE", new { jobId }, tx, cancellationToken: ct));
        if (webhook is { Url: not null, PerFile: true }) await WebhookOutbox.EnqueueItemEventsAsync(conn, tx, jobId, itemIds, ct);
        var completed = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET status = 'completed', completed_at = now(), updated_at = now()
             WHERE id = @jobId AND status = 'active'
               AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = @jobId AND status IN ('queued', 'running'))
            """, new { jobId }, tx, cancellationToken: ct));
        if (completed == 1 && webhook.Url is not null)
            await WebhookOutbox.EnqueueJobEventAsync(conn, tx, jobId, WebhookEvents.JobCompleted, ct);
    }
}
