using System.Security.Cryptography;
using AtsParser.Api.Parse;
using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>Writes one job's rows inside the submission transaction, enforcing the per-job file and byte caps.</summary>
public sealed class JobWriter
{
    readonly NpgsqlConnection _conn;
    readonly NpgsqlTransaction _tx;
    readonly JobsOptions _options;
    readonly List<long> _refused = [];
    long _bytes;

    public Guid Id { get; } = Guid.CreateVersion7();
    public int Count { get; private set; }

    JobWriter(NpgsqlConnection conn, NpgsqlTransaction tx, JobsOptions options) { _conn = conn; _tx = tx; _options = options; }

    public static async Task<JobWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx, JobsOptions options, string? idempotencyKey, CancellationToken ct)
    {
        var w = new JobWriter(conn, tx, options);
        await using var cmd = new NpgsqlCommand("INSERT INTO jobs (id, total, options, idempotency_key) VALUES (@id, 0, '{}', @key)", conn, tx);
        cmd.Parameters.AddWithValue("id", w.Id);
        cmd.Parameters.AddWithValue("key", (object?)idempotencyKey ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        return w;
    }

    /// <summary>Stores a file as a queued item with its bytes, or, when it was refused on upload, as a failed item.</summary>
    public async Task AddAsync(Upload upload, CancellationToken ct)
    {
        if (Count >= _options.MaxFilesPerJob)
            throw new JobRejectedException(JobErrors.JobTooLarge, $"The job has more than {_options.MaxFilesPerJob} files (JOBS_MAX_FILES)");
        var bytes = upload.Bytes ?? [];
        _bytes += bytes.LongLength;
        if (_bytes > _options.MaxJobBytes)
            throw new JobRejectedException(JobErrors.JobTooLarge, $"The job's files add up to more than {_options.MaxJobBytes:N0} bytes (JOBS_MAX_JOB_BYTES)");
        var refused = upload.Error is not null;
        var sql = refused
            ? """
              INSERT INTO job_items (job_id, seq, file_name, content_type, sha256, size, status, error_code, error_detail, finished_at)
              VALUES (@job, @seq, @name, @type, @sha, @size, 'failed', @code, @detail, now()) RETURNING id
              """
            : """
              WITH i AS (INSERT INTO job_items (job_id, seq, file_name, content_type, sha256, size)
                         VALUES (@job, @seq, @name, @type, @sha, @size) RETURNING id)
              INSERT INTO job_item_blobs (item_id, bytes) SELECT id, @bytes FROM i RETURNING item_id
              """;
        await using var cmd = new NpgsqlCommand(sql, _conn, _tx);
        cmd.Parameters.AddWithValue("job", Id);
        cmd.Parameters.AddWithValue("seq", Count);
        cmd.Parameters.AddWithValue("name", upload.FileName);
        cmd.Parameters.AddWithValue("type", (object?)upload.ContentType ?? DBNull.Value);
        cmd.Parameters.AddWithValue("sha", refused ? DBNull.Value : Convert.ToHexStringLower(SHA256.HashData(bytes)));
        cmd.Parameters.AddWithValue("size", bytes.LongLength);
        if (refused)
        {
            cmd.Parameters.AddWithValue("code", upload.Error!.Code);
            cmd.Parameters.AddWithValue("detail", upload.Error.Detail ?? upload.Error.Code);
        }
        else cmd.Parameters.AddWithValue("bytes", bytes);
        var id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (refused) _refused.Add(id);
        Count++;
    }

    public async Task<Guid> CompleteAsync(string optionsJson, JobSettings settings, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand("""
            UPDATE jobs SET total = @total, options = @options::jsonb, webhook_url = @url, webhook_per_file = @perFile WHERE id = @id
            """, _conn, _tx))
        {
            cmd.Parameters.AddWithValue("total", Count);
            cmd.Parameters.AddWithValue("options", optionsJson);
            cmd.Parameters.AddWithValue("url", (object?)settings.WebhookUrl ?? DBNull.Value);
            cmd.Parameters.AddWithValue("perFile", settings.WebhookPerFile);
            cmd.Parameters.AddWithValue("id", Id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // Files refused on upload are already final: announce them, and complete the job if nothing else is left.
        if (_refused.Count > 0) await JobFinisher.AfterItemsFinishedAsync(_conn, _tx, Id, _refused.ToArray(), ct);
        return Id;
    }
}
