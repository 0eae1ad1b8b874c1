using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AtsParser.Api.Caching;

/// <summary>
/// One Redis hash per document ({prefix}:parse:{sha256}), one field per variant, so an erase is a single DEL.
/// The multiplexer reconnects by itself; while it is disconnected commands fail fast (no backlog), so a request
/// never waits for Redis to come back. Its async calls take no CancellationToken: each is bounded with WaitAsync.
/// </summary>
public sealed class RedisCacheStore : ICacheStore, IDisposable
{
    readonly CacheOptions _options;
    readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public RedisCacheStore(IOptions<CacheOptions> options)
    {
        _options = options.Value;
        var config = RedisUrl.ToConfiguration(_options.RedisUrl!);
        // Never fail start-up or a request because Redis is away: the multiplexer keeps reconnecting in the background.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = _options.ConnectTimeoutMs;
        config.SyncTimeout = _options.OperationTimeoutMs;
        config.AsyncTimeout = _options.OperationTimeoutMs;
        config.ConnectRetry = 1;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(config));
    }

    public string Name => "redis";

    /// <summary>Called at start-up, so the first request does not pay for (or time out on) the connection.</summary>
    public void StartConnecting() => _ = _connection.Value;

    public async Task<byte[]?> GetAsync(CacheKey key, CancellationToken ct)
    {
        var db = await Db(ct);
        var value = await db.HashGetAsync(KeyOf(key.Sha256), key.Variant).WaitAsync(Timeout, ct);
        return value.IsNull ? null : (byte[]?)value;
    }

    public async Task SetAsync(CacheKey key, byte[] value, TimeSpan ttl, CancellationToken ct)
    {
        var db = await Db(ct);
        var k = KeyOf(key.Sha256);
        var tx = db.CreateTransaction();
        var set = tx.HashSetAsync(k, key.Variant, value);
        var expire = tx.KeyExpireAsync(k, ttl);
        await tx.ExecuteAsync().WaitAsync(Timeout, ct);
        await Task.WhenAll(set, expire).WaitAsync(Timeout, ct);
    }

    public async Task EraseAsync(string sha256, CancellationToken ct)
    {
        var db = await Db(ct);
        await db.KeyDeleteAsync(KeyOf(sha256)).WaitAsync(Timeout, ct);
    }

    /// <summary>The multiplexer once its first connection attempt has finished (for the readiness probe); throws before.</summary>
    internal IConnectionMultiplexer ConnectedMultiplexer =>
        _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully
            ? _connection.Value.Result
            : throw new InvalidOperationException("Redis is still connecting.");

    public string KeyOf(string sha256) => $"{_options.KeyPrefix}:parse:{sha256}";

    TimeSpan Timeout => TimeSpan.FromMilliseconds(_options.OperationTimeoutMs);

    async Task<IDatabase> Db(CancellationToken ct)
    {
        var mux = await _connection.Value.WaitAsync(TimeSpan.FromMilliseconds(_options.ConnectTimeoutMs), ct);
        if (!mux.IsConnected) throw new InvalidOperationException("Redis is not connected.");
        return mux.GetDatabase();
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully) _connection.Value.Result.Dispose();
    }
}
