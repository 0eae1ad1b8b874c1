namespace AtsParser.Api.Outbox;

/// <summary>
/// Writes one kind of deferred entry to the database. Registered by the feature that owns the rows (resumes, jobs),
/// so the outbox knows none of them. Both calls run in a fresh scope and must be idempotent: a replica can die between
/// the write and the removal, and the entry is then written again.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task WriteAsync(OutboxEntry entry, IServiceProvider services, CancellationToken ct);

    /// <summary>The entry was erased (DELETE) while it was being written: undo the write.</summary>
    Task EraseAsync(OutboxEntry entry, IServiceProvider services, CancellationToken ct);

    /// <summary>The failure means the database is unreachable (retry everything soon), not that this entry cannot be written.</summary>
    bool IsUnavailable(Exception e);
}
