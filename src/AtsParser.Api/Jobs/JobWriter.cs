using AtsParser.Core.Pipeline;
using System.Security.Cryptography;
using AtsParser.Api.Parse;
using AtsParser.Api.Storage;
using Dapper;
using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>Where a submission's files go as they are read: the database (JobWriter) or, while it is unreachable, the outbox (JobSpool).</summary>
public interface IJobFiles
{
    int Count { get; }
    Task AddAsync(Upload upload, CancellationToken ct);
    Task AddAsync(SpooledUpload file, CancellationToken ct);
}

/// <summary>Writes one job's rows inside the submission transaction, enforcing the per-job file and byte caps.</summary>
public sealed class JobWriter : IJobFiles
{
    readonly NpgsqlConnection _conn;
    readonly NpgsqlTransaction _tx;
    readonly JobsOptions _options;
    readonly List<long> _refused = [];
    long _bytes;

    public Guid Id { get; }
    public int Count { get; private set; }

    JobWriter(NpgsqlConnection conn, NpgsqlTransaction tx, JobsOptions options, Guid id) { _conn = conn; _tx = tx; _options = options; Id = id; }

    public static async Task<JobWriter> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx, JobsOptions options, string tenant, string? idempotencyKey, CancellationToken ct) =>
        (await StartAsync(conn, tx, options, tenant, idempotencyKey, Guid.CreateVersion7(), null, ct))!;

    /// <summary>With a given id (a deferred submission from the outbox): null when the job already exists, i.e. it was written before.</summary>
    public static async Task<JobWriter?> StartAsync(NpgsqlConnection conn, NpgsqlTransaction tx, JobsOptions options, string tenant, string? idempotencyKey,
        Guid id, DateTimeOffset? createdAt, CancellationToken ct)
    {
        var inserted = await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO jobs (id, tenant, total, options, idempotency_key, created_at) VALUES (@id, @tenant, 0, '{}', @key, COALESCE(@createdAt::timestamptz, now()))
            ON CONFLICT (id) DO NOTHING
            """, new { id, tenant, key = idempotencyKey, createdAt = createdAt?.UtcDateTime }, tx, cancellationToken: ct));
        return inserted == 1 ? new JobWriter(conn, tx, options, id) : null;
    }

    /// <summary>Stores a file as a queued item with its bytes, or, when it was refused on upload, as a failed item.</summary>
    public Task AddAsync(Upload upload, CancellationToken ct)
    {
        var bytes = upload.Bytes ?? [];
        return AddAsync(upload.FileName, upload.ContentType, upload.Error, bytes.LongLength,
            upload.Error is null ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null, () => bytes, ct);
    }

    /// <summary>The same for a file spooled to disk: its bytes stream from the temp file into the row.</summary>
    public async Task AddAsync(SpooledUpload file, CancellationToken ct)
    {
        await using var stream = file.Error is null ? file.OpenRead() : null;
        await AddAsync(file.FileName, file.ContentType, file.Error, file.Length, file.Sha256, () => stream!, ct);
    }

    async Task AddAsync(string fileName, string? contentType, Core.Documents.DocumentException? error, long size, string? sha256, Func<object> bytes, CancellationToken ct)
    {
        if (Count >= _options.MaxFilesPerJob)
            throw new JobRejectedException(JobErrors.JobTooLarge, $"The job has more than {_options.MaxFilesPerJob} files (JOBS_MAX_FILES)");
        _bytes += size;
        if (_bytes > _options.MaxJobBytes)
            throw new JobRejectedException(JobErrors.JobTooLarge, $"The job's files add up to more than {_options.MaxJobBytes:N0} bytes (JOBS_MAX_JOB_BYTES)");
        var refused = error is not null;
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
        object args = refused
            ? new { job = Id, seq = Count, name = fileName, type = contentType, sha = (string?)null, size = 0L, code = error!.Code, detail = error.Detail ?? error.Code }
            : new { job = Id, seq = Count, name = fileName, type = contentType, sha = sha256, size, bytes = PgParam.Bytea(bytes()) };
        var id = await _conn.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, _tx, cancellationToken: ct));
        if (refused) _refused.Add(id);
        Count++;
    }

    public async Task<Guid> CompleteAsync(string optionsJson, JobSettings settings, CancellationToken ct)
    {
        await _conn.ExecuteAsync(new CommandDefinition("""
            UPDATE jobs SET total = @total, options = @options::jsonb, webhook_url = @url, webhook_per_file = @perFile WHERE id = @id
            """, new { total = Count, options = optionsJson, url = settings.WebhookUrl, perFile = settings.WebhookPerFile, id = Id }, _tx, cancellationToken: ct));
        // Files refused on upload are already final: announce them, and complete the job if nothing else is left.
        if (_refused.Count > 0) await JobFinisher.AfterItemsFinishedAsync(_conn, _tx, Id, _refused.ToArray(), ct);
        return Id;
    }
}
