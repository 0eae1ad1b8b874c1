using AtsParser.Api.Storage;
using AtsParser.Api.Webhooks;
using AtsParser.Core.Observability;
using Dapper;

namespace AtsParser.Api.Jobs;

/// <summary>Cancel, requeue and purge: set-based statements, items before the job row (the workers' lock order).</summary>
public sealed class JobControl(JobsDatabase database, AtsMetrics metrics)
{
    /// <summary>
    /// Drops every file not yet finished (queued, running, dead-lettered) and deletes their stored bytes. A worker
    /// still busy with one loses its lease on the next heartbeat and its late result is refused by the fence.
    /// </summary>
    public async Task<int?> CancelAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var dropped = await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
            WITH dropped AS (
                UPDATE job_items SET status = 'cancelled', finished_at = now(), updated_at = now(),
                       lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
                 WHERE job_id = @id AND status IN ('queued', 'running', 'dead_lettered')
                RETURNING id),
            gone AS (DELETE FROM job_item_blobs WHERE item_id IN (SELECT id FROM dropped))
            SELECT count(*)::int FROM dropped
            """, new { id }, tx, cancellationToken: ct));
        var status = await conn.ExecuteScalarAsync<string?>(new CommandDefinition("""
            UPDATE jobs SET status = CASE WHEN status = 'active' THEN 'cancelled' ELSE status END,
                   completed_at = coalesce(completed_at, now()), updated_at = now()
             WHERE id = @id
            RETURNING status
            """, new { id }, tx, cancellationToken: ct));
        if (status is null) return null;
        if (status == "cancelled" && dropped > 0) await WebhookOutbox.EnqueueJobEventAsync(conn, tx, id, WebhookEvents.JobCancelled, ct);
        await tx.CommitAsync(ct);
        for (var i = 0; i < dropped; i++) metrics.JobFinished(JobOutcome.Cancelled);
        return dropped;
    }

    /// <summary>Dead-lettered files start over with a fresh attempt budget; the job becomes active again.</summary>
    public async Task<int?> RequeueAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var requeued = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE job_items SET status = 'queued', attempts = 0, available_at = now(), error_code = NULL, error_detail = NULL,
                   finished_at = NULL, updated_at = now()
             WHERE job_id = @id AND status = 'dead_lettered'
            """, new { id }, tx, cancellationToken: ct));
        var job = await conn.ExecuteScalarAsync<Guid?>(new CommandDefinition("""
            UPDATE jobs SET status = CASE WHEN @n > 0 AND status = 'completed' THEN 'active' ELSE status END,
                   completed_at = CASE WHEN @n > 0 AND status = 'completed' THEN NULL ELSE completed_at END, updated_at = now()
             WHERE id = @id RETURNING id
            """, new { n = requeued, id }, tx, cancellationToken: ct));
        if (job is null) return null;
        await tx.CommitAsync(ct);
        return requeued;
    }

    /// <summary>Finished jobs older than JOBS_RETENTION_DAYS go, with their results, bytes and webhook history.</summary>
    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            DELETE FROM jobs WHERE status IN ('completed', 'cancelled') AND completed_at < now() - @retention
            """, new { retention = PgParam.Interval(retention) }, cancellationToken: ct));
    }
}
