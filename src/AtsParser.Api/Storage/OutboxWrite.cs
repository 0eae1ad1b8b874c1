using AtsParser.Api.Outbox;

namespace AtsParser.Api.Storage;

/// <summary>The one way a write that found the database unreachable goes into the outbox (stores and job submissions).</summary>
public static class OutboxWrite
{
    /// <summary>Adds the entry and returns its id; throws 503 storage_unavailable (with the database's failure
    /// inside) when Redis fails too or the outbox is full (OUTBOX_MAX_ENTRIES / OUTBOX_MAX_BYTES).</summary>
    public static async Task<Guid> AddAsync(RedisOutbox outbox, OutboxEntry entry, Exception cause, ILogger logger, CancellationToken ct)
    {
        OutboxAdd added;
        try { added = await outbox.AddAsync(entry, ct); }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Log.OutboxRefused(logger, entry.Kind, "unreachable: " + e.GetType().Name);
            throw new StorageException(StorageException.Unavailable, null, cause);
        }
        if (added == OutboxAdd.Full)
        {
            Log.OutboxRefused(logger, entry.Kind, "full");
            throw new StorageException(StorageException.Unavailable,
                "The database is unreachable and the write-behind outbox is full. Retry after the number of seconds in Retry-After.", cause);
        }
        Log.OutboxDeferred(logger, entry.Kind, entry.Id, entry.Body.Length, cause.GetType().Name);
        return entry.Id;
    }
}
