using System.Text.Json;
using AtsParser.Api.Outbox;
using AtsParser.Api.Storage;
using AtsParser.Core.Documents;
using AtsParser.Core.Pipeline;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AtsParser.Api.Jobs;

/// <summary>
/// Job submissions that found the database unreachable: kept whole in the outbox under the id they were accepted with,
/// answered "queued" by GET /api/v1/jobs/{id} (tenant-scoped), and created in the database with that id by the drainer
/// (one transaction; an existing id means it was created before, so a replay creates nothing).
/// </summary>
public sealed class DeferredJobs(RedisOutbox outbox, JobsDatabase database, IOptions<JobsOptions> jobs, IOptions<OutboxOptions> options,
    IOptions<HttpJsonOptions> json, ILogger<DeferredJobs> logger) : IOutboxHandler
{
    public const string EntryKind = "job";

    readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public string Kind => EntryKind;

    public bool Active => outbox.Configured;

    public long MaxJobBytes => options.Value.MaxJobBytes;

    sealed record Payload(string OptionsJson, string? WebhookUrl, bool WebhookPerFile, DateTimeOffset CreatedAt, List<DeferredFile> Files);

    /// <summary>Throws 503 storage_unavailable (with the database's failure inside) when the outbox is full or Redis fails too.</summary>
    public async Task<Guid> DeferAsync(string tenant, JobSpool spool, string optionsJson, JobSettings settings, Exception cause, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var payload = new Payload(optionsJson, settings.WebhookUrl, settings.WebhookPerFile, DateTimeOffset.UtcNow, spool.Files);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, _json);
        // Status reads (clients poll them) fetch this, not the files.
        var summary = JsonSerializer.SerializeToUtf8Bytes(StatusOf(id, payload), _json);
        return await OutboxWrite.AddAsync(outbox, new OutboxEntry(id, EntryKind, tenant, body, summary), cause, logger, ct);
    }

    /// <summary>The tenant's deferred job as GET /api/v1/jobs/{id} shows it (every file queued, or failed when refused on upload); null when there is none or Redis cannot say.</summary>
    public async Task<JobStatus?> TryGetStatusAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!outbox.Configured) return null;
        OutboxEntry? entry;
        try { entry = await outbox.GetSummaryAsync(id, ct); }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.OutboxUnreachable(logger, e.GetType().Name);
            return null;
        }
        if (entry is not { Kind: EntryKind, Summary: { } summary } || entry.Tenant != tenant) return null;
        return JsonSerializer.Deserialize<JobStatus>(summary, _json);
    }

    static JobStatus StatusOf(Guid id, Payload p)
    {
        var files = p.Files.Select((f, i) => new JobFile(i, f.FileName, f.Sha256, f.Size, f.ErrorCode is null ? ItemStatus.Queued : ItemStatus.Failed, 0,
            f.ErrorCode, f.ErrorDetail ?? f.ErrorCode, null)).ToList();
        var failed = files.Count(f => f.Status == ItemStatus.Failed);
        return new JobStatus(id, "queued", files.Count, new JobCounts(files.Count - failed, 0, 0, failed, 0, 0), p.CreatedAt, null, files);
    }

    public async Task WriteAsync(OutboxEntry entry, IServiceProvider services, CancellationToken ct)
    {
        var p = Read(entry);
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await JobWriter.StartAsync(conn, tx, jobs.Value, entry.Tenant, null, entry.Id, p.CreatedAt, ct) is not { } writer) return;
        foreach (var f in p.Files)
            await writer.AddAsync(new Upload(f.FileName, f.ContentType, f.Bytes, f.ErrorCode is null ? null : new DocumentException(f.ErrorCode, f.ErrorDetail)), ct);
        await writer.CompleteAsync(p.OptionsJson, new JobSettings(p.WebhookUrl, p.WebhookPerFile, null, false, false, false), ct);
        await tx.CommitAsync(ct);
        Log.JobCreated(logger, entry.Id, writer.Count);
    }

    /// <summary>Jobs have no erase (a cancel happens in the database, once the job is there).</summary>
    public Task EraseAsync(OutboxEntry entry, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    public bool IsUnavailable(Exception e) => StorageException.IsUnavailable(e);

    Payload Read(OutboxEntry entry) => JsonSerializer.Deserialize<Payload>(entry.Body, _json)
        ?? throw new JsonException($"Outbox entry {entry.Id} has no payload.");
}
