using AtsParser.Api.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AtsParser.Api.Outbox;

/// <summary>
/// One deferred write: what it is (a handler's Kind), whose it is, the handler's own payload, and a small summary of it
/// that reads can fetch without the payload (a deferred job's status without its files).
/// </summary>
public sealed record OutboxEntry(Guid Id, string Kind, string Tenant, byte[] Body, byte[]? Summary = null);

public enum OutboxAdd { Added, Full }

/// <summary>
/// The outbox's Redis side. An entry is a hash ({prefix:outbox}:e:{id}); an index sorted by arrival ({prefix:outbox}:ids)
/// and a byte counter ({prefix:outbox}:bytes) bound the whole. Adding and removing are Lua scripts, so the bound holds
/// with any number of replicas. Its own multiplexer, not the cache's: a job's files are megabytes, and they neither wait
/// behind the cache's 250 ms timeouts nor hold up its small reads. Entries have no TTL (a Redis that evicts keys without
/// one, e.g. maxmemory-policy allkeys-lru, would lose them; README "Storage"). Every call throws when Redis fails.
/// </summary>
public sealed class RedisOutbox : IDisposable
{
    const string AddScript = """
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[5]) then return 0 end
        if tonumber(redis.call('GET', KEYS[2]) or '0') + tonumber(ARGV[4]) > tonumber(ARGV[6]) then return 0 end
        redis.call('HSET', KEYS[3], 'kind', ARGV[2], 'tenant', ARGV[3], 'size', ARGV[4], 'body', ARGV[7], 'summary', ARGV[9])
        redis.call('ZADD', KEYS[1], ARGV[8], ARGV[1])
        redis.call('INCRBY', KEYS[2], ARGV[4])
        return 1
        """;

    const string RemoveScript = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        local size = redis.call('HGET', KEYS[3], 'size')
        if not size then return 0 end
        redis.call('DEL', KEYS[3])
        redis.call('DECRBY', KEYS[2], size)
        return 1
        """;

    readonly OutboxOptions _options;
    readonly string _prefix;
    readonly Lazy<Task<ConnectionMultiplexer>>? _connection;
    readonly TimeSpan _connectTimeout;

    public RedisOutbox(IOptions<OutboxOptions> options, IOptions<CacheOptions> cache)
    {
        _options = options.Value;
        var c = cache.Value;
        // A hash tag: every key of the outbox lives in one slot, so the scripts also run on a Redis Cluster.
        _prefix = "{" + c.KeyPrefix + ":outbox}";
        _connectTimeout = TimeSpan.FromMilliseconds(c.ConnectTimeoutMs);
        if (!_options.Enabled || string.IsNullOrWhiteSpace(c.RedisUrl)) return;
        var config = RedisUrl.ToConfiguration(c.RedisUrl);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = c.ConnectTimeoutMs;
        config.SyncTimeout = _options.OperationTimeoutMs;
        config.AsyncTimeout = _options.OperationTimeoutMs;
        config.ConnectRetry = 1;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(config));
    }

    /// <summary>REDIS_URL is set and OUTBOX_ENABLED is not false.</summary>
    public bool Configured => _connection is not null;

    public void StartConnecting() => _ = _connection?.Value;

    /// <summary>Full: over OUTBOX_MAX_ENTRIES or OUTBOX_MAX_BYTES; nothing was written.</summary>
    public async Task<OutboxAdd> AddAsync(OutboxEntry entry, CancellationToken ct)
    {
        var db = await Db(ct);
        var added = (long)await db.ScriptEvaluateAsync(AddScript, [Ids, Bytes, EntryKey(entry.Id)],
        [
            Member(entry.Id), entry.Kind, entry.Tenant, entry.Body.LongLength, _options.MaxEntries, _options.MaxBytes, entry.Body,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), entry.Summary ?? [],
        ]).WaitAsync(_options.OperationTimeout, ct);
        return added == 1 ? OutboxAdd.Added : OutboxAdd.Full;
    }

    public async Task<OutboxEntry?> GetAsync(Guid id, CancellationToken ct)
    {
        var db = await Db(ct);
        var v = await db.HashGetAsync(EntryKey(id), ["kind", "tenant", "body"]).WaitAsync(_options.OperationTimeout, ct);
        return v[0].IsNull || v[2].IsNull ? null : new OutboxEntry(id, v[0]!, v[1]!, (byte[])v[2]!);
    }

    /// <summary>The entry without its payload (Body is empty): kind, tenant and summary.</summary>
    public async Task<OutboxEntry?> GetSummaryAsync(Guid id, CancellationToken ct)
    {
        var db = await Db(ct);
        var v = await db.HashGetAsync(EntryKey(id), ["kind", "tenant", "summary"]).WaitAsync(_options.OperationTimeout, ct);
        return v[0].IsNull ? null : new OutboxEntry(id, v[0]!, v[1]!, [], v[2].IsNull ? null : (byte[])v[2]!);
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        var db = await Db(ct);
        return await db.KeyExistsAsync(EntryKey(id)).WaitAsync(_options.OperationTimeout, ct);
    }

    /// <summary>True when this call removed it (false: another replica or an erase did).</summary>
    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct)
    {
        var db = await Db(ct);
        return (long)await db.ScriptEvaluateAsync(RemoveScript, [Ids, Bytes, EntryKey(id)], [Member(id)]).WaitAsync(_options.OperationTimeout, ct) == 1;
    }

    /// <summary>The oldest waiting entries, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> OldestAsync(int count, CancellationToken ct)
    {
        var db = await Db(ct);
        var members = await db.SortedSetRangeByRankAsync(Ids, 0, count - 1).WaitAsync(_options.OperationTimeout, ct);
        return members.Select(m => Guid.TryParseExact((string?)m, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
    }

    public async Task<(long Entries, long Bytes)> SizeAsync(CancellationToken ct)
    {
        var db = await Db(ct);
        var entries = db.SortedSetLengthAsync(Ids);
        var bytes = db.StringGetAsync(Bytes);
        await Task.WhenAll(entries, bytes).WaitAsync(_options.OperationTimeout, ct);
        return (entries.Result, bytes.Result.IsNull ? 0 : (long)bytes.Result);
    }

    /// <summary>Claims an entry for draining (SET NX with expiry): replicas do not write the same entry at once.</summary>
    public async Task<bool> TryLeaseAsync(Guid id, string owner, CancellationToken ct)
    {
        var db = await Db(ct);
        return await db.StringSetAsync(LeaseKey(id), owner, _options.Lease, When.NotExists).WaitAsync(_options.OperationTimeout, ct);
    }

    /// <summary>Gives a lease back at once (after a failed write), so the entry is retried at the next round, not after the lease.</summary>
    public async Task ReleaseAsync(Guid id, string owner, CancellationToken ct)
    {
        var db = await Db(ct);
        await db.ScriptEvaluateAsync("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            [LeaseKey(id)], [owner]).WaitAsync(_options.OperationTimeout, ct);
    }

    RedisKey Ids => _prefix + ":ids";
    RedisKey Bytes => _prefix + ":bytes";
    RedisKey EntryKey(Guid id) => _prefix + ":e:" + Member(id);
    RedisKey LeaseKey(Guid id) => _prefix + ":lease:" + Member(id);
    static string Member(Guid id) => id.ToString("N");

    async Task<IDatabase> Db(CancellationToken ct)
    {
        if (_connection is null) throw new InvalidOperationException("The outbox is not configured (REDIS_URL unset or OUTBOX_ENABLED=false).");
        var mux = await _connection.Value.WaitAsync(_connectTimeout, ct);
        if (!mux.IsConnected) throw new InvalidOperationException("Redis is not connected.");
        return mux.GetDatabase();
    }

    public void Dispose()
    {
        if (_connection is { IsValueCreated: true } c && c.Value.IsCompletedSuccessfully) c.Value.Result.Dispose();
    }
}
