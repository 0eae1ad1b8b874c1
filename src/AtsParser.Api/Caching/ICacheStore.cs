namespace AtsParser.Api.Caching;

/// <summary>Where cached parse results live: Redis when REDIS_URL is set, otherwise a bounded in-process cache.</summary>
public interface ICacheStore
{
    string Name { get; }
    Task<byte[]?> GetAsync(CacheKey key, CancellationToken ct);
    Task SetAsync(CacheKey key, byte[] value, TimeSpan ttl, CancellationToken ct);
    /// <summary>Removes every variant cached for the document (GDPR erase).</summary>
    Task EraseAsync(string sha256, CancellationToken ct);
}
