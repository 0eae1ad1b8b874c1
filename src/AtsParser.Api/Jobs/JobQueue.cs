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
            RETURNING i.id, i.job_id, i.seq, i.file_name, i.content_type, i.sha256, i.attempts, i.lease_token, j.options::text
            """;
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("max", max);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("lease", lease);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var items = new List<ClaimedItem>();
        while (await r.ReadAsync(ct))
            items.Add(new(r.GetInt64(0), r.GetGuid(1), r.GetInt32(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.GetInt32(6), r.GetGuid(7), r.GetString(8)));
        return items;
    }

    public async Task<byte[]?> LoadBytesAsync(long itemId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT bytes FROM job_item_blobs WHERE item_id = @id");
        cmd.Parameters.AddWithValue("id", itemId);
        return await cmd.ExecuteScalarAsync(ct) as byte[];
    }

    /// <summary>Extends the lease; false means it was lost (expired and taken over, or the job was cancelled).</summary>
    public async Task<bool> HeartbeatAsync(ClaimedItem item, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE job_items SET lease_expires_at = now() + @lease, updated_at = now()
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """);
        cmd.Parameters.AddWithValue("lease", lease);
        cmd.Parameters.AddWithValue("id", item.Id);
        cmd.Parameters.AddWithValue("token", item.LeaseToken);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public Task<bool> SucceedAsync(ClaimedItem item, string resultJson, CancellationToken ct) =>
        finisher.FinishAsync(item, ItemStatus.Succeeded, resultJson, null, ct);

    /// <summary>Permanent failures fail at once; transient ones wait RETRY_DELAYS, then dead-letter after the last attempt.</summary>
    public async Task<string?> FailAsync(ClaimedItem item, ItemFailure failure, JobsOptions options, CancellationToken ct)
    {
        if (!failure.Transient) return await finisher.FinishAsync(item, ItemStatus.Failed, null, failure, ct) ? ItemStatus.Failed : null;
        if (item.Attempts >= options.RetryMaxAttempts)
            return await finisher.FinishAsync(item, ItemStatus.DeadLettered, null, failure, ct) ? ItemStatus.DeadLettered : null;
        await using var cmd = db.CreateCommand("""
            UPDATE job_items SET status = 'queued', available_at = now() + @delay, error_code = @code, error_detail = @detail,
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """);
        cmd.Parameters.AddWithValue("delay", options.RetryDelay(item.Attempts));
        cmd.Parameters.AddWithValue("code", failure.Code);
        cmd.Parameters.AddWithValue("detail", failure.Detail);
        cmd.Parameters.AddWithValue("id", item.Id);
        cmd.Parameters.AddWithValue("token", item.LeaseToken);
        return await cmd.ExecuteNonQueryAsync(ct) == 1 ? ItemStatus.Queued : null;
    }

    /// <summary>Graceful shutdown: hand the item back at once, without counting the interrupted attempt.</summary>
    public async Task ReleaseAsync(ClaimedItem item, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE job_items SET status = 'queued', attempts = greatest(attempts - 1, 0), available_at = now(),
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
             WHERE id = @id AND lease_token = @token AND status = 'running'
            """);
        cmd.Parameters.AddWithValue("id", item.Id);
        cmd.Parameters.AddWithValue("token", item.LeaseToken);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Re-delivers items whose replica stopped renewing the lease (crashed or hung). The attempt it was on counts,
    /// so a document that kills the process every time ends up dead-lettered instead of crashing replicas forever.
    /// </summary>
    public async Task<int> ReapExpiredAsync(int maxAttempts, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE job_items SET status = 'queued', available_at = now(), error_code = 'lease_expired',
                   error_detail = 'The replica processing it stopped renewing its lease.',
                   lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = now()
             WHERE status = 'running' AND lease_expires_at < now() AND attempts < @max
            """);
        cmd.Parameters.AddWithValue("max", maxAttempts);
        var requeued = await cmd.ExecuteNonQueryAsync(ct);
        return requeued + await finisher.DeadLetterExpiredAsync(maxAttempts, ct);
    }

    /// <summary>Queued plus running items: the backpressure measure.</summary>
    public async Task<long> DepthAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM job_items WHERE status IN ('queued', 'running')");
        return (long)(await cmd.ExecuteScalarAsync(ct) ?? 0L);
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
