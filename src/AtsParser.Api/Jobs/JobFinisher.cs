using AtsParser.Api.Webhooks;
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
        await using (var cmd = new NpgsqlCommand("""
            UPDATE job_items SET status = @status, result = @result::json, error_code = @code, error_detail = @detail,
                   finished_at = now(), updated_at = now(), lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("status", status);
            cmd.Parameters.AddWithValue("result", (object?)resultJson ?? DBNull.Value);
            cmd.Parameters.AddWithValue("code", (object?)failure?.Code ?? DBNull.Value);
            cmd.Parameters.AddWithValue("detail", (object?)failure?.Detail ?? DBNull.Value);
            cmd.Parameters.AddWithValue("id", item.Id);
            cmd.Parameters.AddWithValue("token", item.LeaseToken);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return false; // the lease was lost: someone else owns the item now
        }
        await AfterItemsFinishedAsync(conn, tx, item.JobId, [item.Id], ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Expired leases on their last attempt: the document probably kills or hangs the worker, so it stops here.</summary>
    public async Task<int> DeadLetterExpiredAsync(int maxAttempts, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var finished = new List<(long Id, Guid Job)>();
        await using (var cmd = new NpgsqlCommand("""
            UPDATE job_items SET status = 'dead_lettered', error_code = 'lease_expired', finished_at = now(), updated_at = now(),
                   error_detail = 'The replica processing it stopped renewing its lease on the last allowed attempt.',
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
             WHERE status = 'running' AND lease_expires_at < now() AND attempts >= @max
            RETURNING id, job_id
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("max", maxAttempts);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) finished.Add((r.GetInt64(0), r.GetGuid(1)));
        }
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
        await using (var del = new NpgsqlCommand("""
            DELETE FROM job_item_blobs b USING job_items i
             WHERE b.item_id = i.id AND i.id = ANY(@ids) AND i.status <> 'dead_lettered'
            """, conn, tx))
        {
            del.Parameters.AddWithValue("ids", itemIds);
            await del.ExecuteNonQueryAsync(ct);
        }
        string? url = null;
        var perFile = false;
        await using (var lockJob = new NpgsqlCommand("SELECT webhook_url, webhook_per_file FROM jobs WHERE id = @job FOR NO KEY UPDATE", conn, tx))
        {
            lockJob.Parameters.AddWithValue("job", jobId);
            await using var r = await lockJob.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct)) { url = r.IsDBNull(0) ? null : r.GetString(0); perFile = r.GetBoolean(1); }
        }
        if (url is not null && perFile) await WebhookOutbox.EnqueueItemEventsAsync(conn, tx, jobId, itemIds, ct);
        await using var complete = new NpgsqlCommand("""
            UPDATE jobs SET status = 'completed', completed_at = now(), updated_at = now()
             WHERE id = @job AND status = 'active'
               AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = @job AND status IN ('queued', 'running'))
            """, conn, tx);
        complete.Parameters.AddWithValue("job", jobId);
        if (await complete.ExecuteNonQueryAsync(ct) == 1 && url is not null)
            await WebhookOutbox.EnqueueJobEventAsync(conn, tx, jobId, WebhookEvents.JobCompleted, ct);
    }
}
