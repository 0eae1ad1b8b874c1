using Microsoft.Extensions.Options;

namespace AtsParser.Api.Outbox;

/// <summary>
/// Every replica runs one: it writes the oldest entries to the database, then removes them. A lease per entry keeps
/// replicas off each other's entries; the handlers' idempotent writes make a replay (a crash between write and
/// removal, or an expired lease) harmless. While the database is unreachable a round stops at its first entry and the
/// wait doubles (up to 10 s); an entry that fails for another reason keeps its lease (OUTBOX_LEASE_SECONDS) and
/// is retried after it, without holding up the others.
/// </summary>
public sealed class OutboxDrainer(RedisOutbox outbox, IEnumerable<IOutboxHandler> handlers, IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options, ILogger<OutboxDrainer> logger) : BackgroundService
{
    const int Batch = 50;
    // Short: a probe every 10 s costs the database nothing, and the outbox drains within 10 s of its return.
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!outbox.Configured) return;
        outbox.StartConnecting();
        var poll = options.Value.PollInterval;
        var wait = poll;
        while (!ct.IsCancellationRequested)
        {
            Round round;
            try { round = await DrainRoundAsync(ct); }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Redis itself is away: nothing can be drained (or deferred) until it is back.
                Log.OutboxUnreachable(logger, e.GetType().Name);
                round = new Round(0, Blocked: true);
            }
            if (!round.Blocked && round.Drained > 0) { wait = poll; continue; } // more may be waiting
            var delay = round.Blocked ? wait : poll;
            wait = round.Blocked ? TimeSpan.FromTicks(Math.Min(MaxWait.Ticks, wait.Ticks * 2)) : poll;
            try { await Task.Delay(delay, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    internal readonly record struct Round(int Drained, bool Blocked);

    internal async Task<Round> DrainRoundAsync(CancellationToken ct)
    {
        var drained = 0;
        foreach (var id in await outbox.OldestAsync(Batch, ct))
        {
            if (!await outbox.TryLeaseAsync(id, _owner, ct)) continue;
            var entry = await outbox.GetAsync(id, ct);
            if (entry is null) continue; // drained by another replica, or erased, since the index was read
            if (!_handlers.TryGetValue(entry.Kind, out var handler))
            {
                // Written by a newer version during a rolling update: left for a replica that knows it (the lease expires).
                Log.OutboxUnknownKind(logger, id, entry.Kind);
                continue;
            }
            try
            {
                await using (var scope = scopes.CreateAsyncScope()) await handler.WriteAsync(entry, scope.ServiceProvider, ct);
                // An erase that removed the entry while it was being written found nothing in the database yet: undo the write.
                if (!await outbox.ExistsAsync(id, ct))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await handler.EraseAsync(entry, scope.ServiceProvider, ct);
                    Log.OutboxErasedWhileDraining(logger, id, entry.Kind);
                    continue;
                }
                await outbox.RemoveAsync(id, ct);
                Log.OutboxDrained(logger, id, entry.Kind, entry.Body.Length);
                drained++;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var unavailable = handler.IsUnavailable(e);
                Log.OutboxDrainFailed(logger, id, entry.Kind, e.GetType().Name, unavailable);
                if (!unavailable) continue;
                try { await outbox.ReleaseAsync(id, _owner, ct); }
                catch (Exception) when (!ct.IsCancellationRequested) { /* the lease expires by itself */ }
                return new Round(drained, Blocked: true);
            }
        }
        return new Round(drained, Blocked: false);
    }
}
