using AtsParser.Api.Storage;
using Dapper;
using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>An item this replica holds a lease on. Every write about it is fenced by the lease token.</summary>
public sealed record ClaimedItem(long Id, Guid JobId, int Seq, string FileName, string? ContentType, string Sha256, int Attempts, Guid LeaseToken, string OptionsJson);

/// <summary>
/// The work queue: claim with FOR UPDATE SKIP LOCKED, renew leases with a heartbeat, and hand expired leases
/// back. All state transitions are single set-based statements fenced by (id, lease_token, status='running'),
/// so a replica that lost its lease (crash, pause, cancel) can never overwrite the item's fate.
/// </summary>
public sealed class JobQueue(JobsDatabase database, JobFinisher finisher)
{
    NpgsqlDataSource db => database.Source;

    public async Task<List<ClaimedItem>> ClaimAsync(string owner, int max, TimeSpan lease, CancellationToken ct)
    {
        const string sql = """
            WITH next AS (
                SELECT id FROM job_items
                WHERE status = 'queued' AND available_at <= now()
                ORDER BY available_at, id
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE job_items i
               SET status = 'running', attempts = i.attempts + 1, lease_owner = @owner, lease_token = gen_random_uuid(),
                   lease_expires_at = now() + @lease, started_at = now(), updated_at = now()
              FROM next, jobs j
             WHERE i.id = next.id AND j.id = i.job_id
            RETURNING i.id, i.job_id AS "JobId", i.seq, i.file_name AS "FileName", i.content_type AS "ContentType", i.sha256, i.attempts,
                      i.lease_token AS "LeaseToken", j.options::text AS "OptionsJson"
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var items = await conn.QueryAsync<ClaimedItem>(new CommandDefinition(sql, new { max, owner, lease = PgParam.Interval(lease) }, cancellationToken: ct));
        return items.AsList();
    }

    public async Task<byte[]?> LoadBytesAsync(long itemId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<byte[]?>(new CommandDefinition("SELECT bytes FROM job_item_blobs WHERE item_id = @id", new { id = itemId }, cancellationToken: ct));
    }

    /// <summary>Extends the lease; false means it was lost (expired and taken over, or the job was cancelled).</summary>
    public async Task<bool> HeartbeatAsync(ClaimedItem item, TimeSpan lease, CancellationToken ct)
    {
        return await ExecuteAsync("""
            UPDATE job_items SET lease_expires_at = now() + @lease, updated_at = now()
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """, new { lease = PgParam.Interval(lease), id = item.Id, token = item.LeaseToken }, ct) == 1;
    }

    public Task<bool> SucceedAsync(ClaimedItem item, string resultJson, CancellationToken ct) =>
        finisher.FinishAsync(item, ItemStatus.Succeeded, resultJson, null, ct);

    /// <summary>Permanent failures fail at once; transient ones wait RETRY_DELAYS, then dead-letter after the last attempt.</summary>
    public async Task<string?> FailAsync(ClaimedItem item, ItemFailure failure, JobsOptions options, CancellationToken ct)
    {
        if (!failure.Transient) return await finisher.FinishAsync(item, ItemStatus.Failed, null, failure, ct) ? ItemStatus.Failed : null;
        if (item.Attempts >= options.RetryMaxAttempts)
            return await finisher.FinishAsync(item, ItemStatus.DeadLettered, null, failure, ct) ? ItemStatus.DeadLettered : null;
        var requeued = await ExecuteAsync("""
            UPDATE job_items SET status = 'queued', available_at = now() + @delay, error_code = @code, error_detail = @detail,
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """, new { delay = PgParam.Interval(options.RetryDelay(item.Attempts)), code = failure.Code, detail = failure.Detail, id = item.Id, token = item.LeaseToken }, ct);
        return requeued == 1 ? ItemStatus.Queued : null;
    }

    /// <summary>Graceful shutdown: hand the item back at once, without counting the interrupted attempt.</summary>
    public async Task ReleaseAsync(ClaimedItem item, CancellationToken ct)
    {
        await ExecuteAsync("""
            UPDATE job_items SET status = 'queued', attempts = greatest(attempts - 1, 0), available_at = now(),
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """, new { id = item.Id, token = item.LeaseToken }, ct);
    }

    /// <summary>
    /// Re-delivers items whose replica stopped renewing the lease (crashed or hung). The attempt it was on counts,
    /// so a document that kills the process every time ends up dead-lettered instead of crashing replicas forever.
    /// </summary>
    public async Task<int> ReapExpiredAsync(int maxAttempts, CancellationToken ct)
    {
        var requeued = await ExecuteAsync("""
            UPDATE job_items SET status = 'queued', available_at = now(), error_code = 'lease_expired',
                   error_detail = 'The replica processing it stopped renewing its lease.',
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
             WHERE status = 'running' AND lease_expires_at < now() AND attempts < @max
            """, new { max = maxAttempts }, ct);
        return requeued + await finisher.DeadLetterExpiredAsync(maxAttempts, ct);
    }

    /// <summary>Queued plus running items: the backpressure measure.</summary>
    public async Task<long> DepthAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM job_items WHERE status IN ('queued', 'running')", cancellationToken: ct));
    }

    async Task<int> ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}

public static class ItemStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string DeadLettered = "dead_lettered";
    public const string Cancelled = "cancelled";
}
