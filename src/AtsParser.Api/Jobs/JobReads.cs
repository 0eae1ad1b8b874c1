using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AtsParser.Api.Jobs;

/// <summary>Status and results of a job, read straight from the queue tables.</summary>
public sealed class JobReads(JobsDatabase database, IOptions<HttpJsonOptions> json)
{
    const string FinishedRows = """
        SELECT seq, file_name, sha256, status, result::text, error_code, error_detail FROM job_items
         WHERE job_id = @id AND seq > @after AND status IN ('succeeded', 'failed', 'dead_lettered')
         ORDER BY seq LIMIT @limit
        """;

    public async Task<JobStatus?> GetStatusAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        string stored;
        int total;
        DateTimeOffset created;
        DateTimeOffset? completed;
        await using (var cmd = new NpgsqlCommand("SELECT status, total, created_at, completed_at FROM jobs WHERE id = @id", conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            (stored, total, created, completed) = (r.GetString(0), r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3));
        }
        var files = new List<JobFile>(total);
        await using (var cmd = new NpgsqlCommand("""
            SELECT seq, file_name, sha256, size, status, attempts, error_code, error_detail, finished_at FROM job_items WHERE job_id = @id ORDER BY seq
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                files.Add(new(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetInt32(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8)));
        }
        int Count(string s) => files.Count(f => f.Status == s);
        var counts = new JobCounts(Count(ItemStatus.Queued), Count(ItemStatus.Running), Count(ItemStatus.Succeeded), Count(ItemStatus.Failed),
            Count(ItemStatus.DeadLettered), Count(ItemStatus.Cancelled));
        var status = stored != "active" ? stored
            : counts.Running + counts.Succeeded + counts.Failed + counts.DeadLettered == 0 ? "queued" : "running";
        return new JobStatus(id, status, total, counts, created, completed, files);
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
        await using var cmd = database.Source.CreateCommand("SELECT 1 FROM jobs WHERE id = @id AND tenant = @tenant");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("tenant", tenant);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = database.Source.CreateCommand("SELECT 1 FROM jobs WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    sealed record Row(int Index, string FileName, string? Sha256, string Status, string? ResultJson, string? ErrorCode, string? ErrorDetail);

    static Microsoft.AspNetCore.Mvc.ProblemDetails? Error(Row row) => row.ErrorCode is null || row.Status == ItemStatus.Succeeded
        ? null : JobErrors.Problem(row.ErrorCode, row.ErrorDetail);

    async IAsyncEnumerable<Row> ReadRowsAsync(Guid id, int after, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = database.Source.CreateCommand(FinishedRows);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("after", after);
        cmd.Parameters.AddWithValue("limit", limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            yield return new Row(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
    }
}
