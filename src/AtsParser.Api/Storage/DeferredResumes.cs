using System.Text.Json;
using AtsParser.Api.Caching;
using AtsParser.Api.Outbox;
using AtsParser.Core.Parsing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Storage;

/// <summary>
/// Stores that found the database unreachable: kept in the outbox under the id they answered with, readable and
/// erasable by that id (tenant-scoped, like the database), and written by the drainer with that id once the database
/// answers (ResumeStore.SaveAsync with an id: a replay writes nothing twice). Lists and search see them only then.
/// </summary>
public sealed class DeferredResumes(RedisOutbox outbox, IOptions<JsonOptions> json, ILogger<DeferredResumes> logger) : IOutboxHandler
{
    public const string EntryKind = "resume";

    /// <summary>ParseResult.Storage (and the X-Storage header) of a result that waits in the outbox.</summary>
    public const string Deferred = "deferred";

    readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public string Kind => EntryKind;

    /// <summary>The outbox exists (REDIS_URL set, OUTBOX_ENABLED not false).</summary>
    public bool Active => outbox.Configured;

    sealed record Payload(ParseResult Result, string FullText, DateTimeOffset DeferredAt, bool Force);

    /// <summary>
    /// Puts the store in the outbox and returns its new id. Throws 503 storage_unavailable (with the database's
    /// failure inside) when there is no outbox, it is full (OUTBOX_MAX_ENTRIES / OUTBOX_MAX_BYTES), or Redis fails too.
    /// </summary>
    /// <param name="force">A ?force=true store: once written, it replaces a row of the same bytes stored before it (as it would have then).</param>
    public async Task<Guid> DeferAsync(string tenant, ParseOutcome parsed, bool force, Exception cause, CancellationToken ct)
    {
        if (!outbox.Configured) throw new StorageException(StorageException.Unavailable, null, cause);
        var id = Guid.CreateVersion7();
        var body = JsonSerializer.SerializeToUtf8Bytes(new Payload(ResumeStore.Normalize(parsed.Result), parsed.FullText, DateTimeOffset.UtcNow, force), _json);
        return await OutboxWrite.AddAsync(outbox, new OutboxEntry(id, EntryKind, tenant, body), cause, logger, ct);
    }

    /// <summary>The tenant's deferred resume with this id, marked "deferred"; null when there is none or Redis cannot say.</summary>
    public async Task<ParseResult?> TryGetAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!outbox.Configured) return null;
        try
        {
            return await OwnEntryAsync(tenant, id, ct) is { } entry ? Read(entry).Result with { Id = id, Storage = Deferred } : null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not JsonException)
        {
            Log.OutboxUnreachable(logger, e.GetType().Name);
            return null;
        }
    }

    /// <summary>Removes the tenant's deferred resume with this id, so it is never written; its sha256, or null when there was none. Throws when Redis fails.</summary>
    public async Task<string?> EraseAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!outbox.Configured || await OwnEntryAsync(tenant, id, ct) is not { } entry) return null;
        await outbox.RemoveAsync(id, ct);
        return Read(entry).Result.Document.Sha256;
    }

    async Task<OutboxEntry?> OwnEntryAsync(string tenant, Guid id, CancellationToken ct) =>
        await outbox.GetAsync(id, ct) is { Kind: EntryKind } entry && entry.Tenant == tenant ? entry : null;

    Payload Read(OutboxEntry entry) => JsonSerializer.Deserialize<Payload>(entry.Body, _json)
        ?? throw new JsonException($"Outbox entry {entry.Id} has no payload.");

    public async Task WriteAsync(OutboxEntry entry, IServiceProvider services, CancellationToken ct)
    {
        var p = Read(entry);
        await services.GetRequiredService<ResumeStore>().SaveAsync(entry.Tenant, new ParseOutcome(p.Result, p.FullText, CacheHit: false), ct,
            new DeferredWrite(entry.Id, p.DeferredAt, p.Force));
    }

    public async Task EraseAsync(OutboxEntry entry, IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<ResumeStore>().DeleteAsync(entry.Tenant, entry.Id, ct);

    public bool IsUnavailable(Exception e) => StorageException.IsUnavailable(e);
}
