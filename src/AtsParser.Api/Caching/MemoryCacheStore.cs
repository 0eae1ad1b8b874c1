using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Caching;

/// <summary>In-process cache bounded by the total size of the serialized entries (Cache:MemoryMaxBytes).</summary>
public sealed class MemoryCacheStore(IOptions<CacheOptions> options) : ICacheStore, IDisposable
{
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.MemoryMaxBytes, CompactionPercentage = 0.25 });

    public string Name => "memory";

    public Task<byte[]?> GetAsync(CacheKey key, CancellationToken ct) =>
        Task.FromResult(_cache.TryGetValue(KeyOf(key), out byte[]? value) ? value : null);

    public Task SetAsync(CacheKey key, byte[] value, TimeSpan ttl, CancellationToken ct)
    {
        _cache.Set(KeyOf(key), value, new MemoryCacheEntryOptions { Size = value.Length, AbsoluteExpirationRelativeToNow = ttl });
        return Task.CompletedTask;
    }

    public Task EraseAsync(string sha256, CancellationToken ct)
    {
        // The cache is size-bounded, so walking its keys is cheap enough for an erase.
        foreach (var k in _cache.Keys.OfType<string>().Where(k => k.StartsWith(sha256 + "|", StringComparison.Ordinal)).ToList())
            _cache.Remove(k);
        return Task.CompletedTask;
    }

    static string KeyOf(CacheKey key) => $"{key.Sha256}|{key.Variant}";

    public void Dispose() => _cache.Dispose();
}
