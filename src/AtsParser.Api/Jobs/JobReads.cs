using AtsParser.Api.Infrastructure;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AtsParser.Api.Jobs;

/// <summary>Status and results of a job, read straight from the queue tables.</summary>
public sealed class JobReads(JobsDatabase database, IOptions<HttpJsonOptions> json)
{
    const string FinishedRows = """
        SELECT seq AS "Index", file_name AS "FileName", sha256, status, result::text AS "ResultJson", error_code AS "ErrorCode", error_detail AS "ErrorDetail"
          FROM job_items
         WHERE job_id = @id AND seq > @after AND status IN ('succeeded', 'failed', 'dead_lettered')
         ORDER BY seq LIMIT @limit
        """;

    public async Task<JobStatus?> GetStatusAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        var job = await conn.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            "SELECT status, total, created_at AS \"CreatedAt\", completed_at AS \"CompletedAt\" FROM jobs WHERE id = @id", new { id }, cancellationToken: ct));
        if (job is null) return null;
        var files = (await conn.QueryAsync<FileRow>(new CommandDefinition("""
            SELECT seq, file_name AS "FileName", sha256, size, status, attempts, error_code AS "ErrorCode", error_detail AS "ErrorDetail", finished_at AS "FinishedAt"
              FROM job_items WHERE job_id = @id ORDER BY seq
            """, new { id }, cancellationToken: ct)))
            .Select(f => new JobFile(f.Seq, f.FileName, f.Sha256, f.Size, f.Status, f.Attempts, f.ErrorCode, f.ErrorDetail, Utc(f.FinishedAt)))
            .ToList();
        int Count(string s) => files.Count(f => f.Status == s);
        var counts = new JobCounts(Count(ItemStatus.Queued), Count(ItemStatus.Running), Count(ItemStatus.Succeeded), Count(ItemStatus.Failed),
            Count(ItemStatus.DeadLettered), Count(ItemStatus.Cancelled));
        var status = job.Status != "active" ? job.Status
            : counts.Running + counts.Succeeded + counts.Failed + counts.DeadLettered == 0 ? "queued" : "running";
        return new JobStatus(id, status, job.Total, counts, Utc(job.CreatedAt)!.Value, Utc(job.CompletedAt), files);
    }

    public async Task<JobResultsPage?> GetResultsPageAsync(Guid id, int after, int limit, CancellationToken ct)
    {
        if (!await ExistsAsync(id, ct)) return null;
        var items = new List<JobResult>();
        await foreach (var row in ReadRowsAsync(id, after, limit, ct))
            items.Add(new JobResult(row.Index, row.FileName, row.Sha256, row.Status,
                row.ResultJson is null ? null : Parse(row.ResultJson), Error(row)));
        return new JobResultsPage(id, items, items.Count == limit ? items[^1].Index : null);
    }

    /// <summary>JSONL: one JobResult per line, written as rows arrive, with the stored result JSON copied through unparsed.</summary>
    public async Task WriteJsonLinesAsync(Guid id, Stream body, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
        await foreach (var row in ReadRowsAsync(id, -1, int.MaxValue, ct))
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", row.Index);
            writer.WriteString("fileName", row.FileName);
            if (row.Sha256 is not null) writer.WriteString("sha256", row.Sha256);
            writer.WriteString("status", row.Status);
            if (row.ResultJson is not null) { writer.WritePropertyName("result"); writer.WriteRawValue(row.ResultJson, skipInputValidation: true); }
            if (Error(row) is { } error) { writer.WritePropertyName("error"); JsonSerializer.Serialize(writer, error, options); }
            writer.WriteEndObject();
            await writer.FlushAsync(ct);
            writer.Reset();
            await body.WriteAsync("\n"u8.ToArray(), ct);
        }
    }

    /// <summary>The job exists and belongs to the tenant: other tenants' jobs answer 404 exactly like missing ones.</summary>
    public async Task<bool> OwnedByAsync(Guid id, string tenant, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT 1 FROM jobs WHERE id = @id AND tenant = @tenant", new { id, tenant }, cancellationToken: ct)) is not null;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT 1 FROM jobs WHERE id = @id", new { id }, cancellationToken: ct)) is not null;
    }

    static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    // timestamptz reads as a UTC DateTime; the API answers DateTimeOffset (offset 0), as it did with GetFieldValue.
    static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    sealed record JobRow(string Status, int Total, DateTime CreatedAt, DateTime? CompletedAt);

    sealed record FileRow(int Seq, string FileName, string? Sha256, long Size, string Status, int Attempts, string? ErrorCode, string? ErrorDetail, DateTime? FinishedAt);

    sealed record Row(int Index, string FileName, string? Sha256, string Status, string? ResultJson, string? ErrorCode, string? ErrorDetail);

    static Microsoft.AspNetCore.Mvc.ProblemDetails? Error(Row row) => row.ErrorCode is null || row.Status == ItemStatus.Succeeded
        ? null : Problems.For(row.ErrorCode, row.ErrorDetail);

    async IAsyncEnumerable<Row> ReadRowsAsync(Guid id, int after, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        // Unbuffered: JSONL streams a large job's results row by row.
        await foreach (var row in conn.QueryUnbufferedAsync<Row>(FinishedRows, new { id, after, limit }).WithCancellation(ct))
            yield return row;
    }
}
