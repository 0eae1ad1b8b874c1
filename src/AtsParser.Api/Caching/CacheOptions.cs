using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Caching;

public sealed class CacheOptions
{
    public const string Section = "Cache";

    public bool Enabled { get; set; } = true;

    /// <summary>REDIS_URL: redis://[:password@]host:port[/db], rediss://..., or a StackExchange.Redis configuration string. Empty: in-process memory.</summary>
    public string? RedisUrl { get; set; }

    /// <summary>CACHE_TTL in seconds (the env var also accepts 30m, 12h, 7d).</summary>
    [Range(1, 31_536_000)] public int TtlSeconds { get; set; } = 86_400;

    /// <summary>Size bound of the in-process cache (serialized bytes), used when REDIS_URL is unset.</summary>
    [Range(1024, 1L << 34)] public long MemoryMaxBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>A Redis call slower than this counts as a failure; the request goes on without the cache.</summary>
    [Range(10, 10_000)] public int OperationTimeoutMs { get; set; } = 250;

    /// <summary>How long the first connection to Redis may take (it is started at start-up, not by the first request).</summary>
    [Range(100, 60_000)] public int ConnectTimeoutMs { get; set; } = 5000;

    /// <summary>After a Redis failure, skip Redis for this long, so a dead Redis adds no latency to each request.</summary>
    [Range(1, 3600)] public int BreakSeconds { get; set; } = 15;

    /// <summary>Prefix of every Redis key (lets several deployments or test runs share one Redis).</summary>
    [Required, RegularExpression("^[A-Za-z0-9:_-]{1,64}$")] public string KeyPrefix { get; set; } = "atsparser";

    public TimeSpan Ttl => TimeSpan.FromSeconds(TtlSeconds);

    /// <summary>CACHE_TTL: "3600", "90s", "30m", "12h", "7d" → seconds. Anything else passes through for validation to name.</summary>
    public static string ParseSeconds(string v)
    {
        var unit = v.Length > 0 && char.IsLetter(v[^1]) ? char.ToLowerInvariant(v[^1]) : 's';
        var number = char.IsLetter(v[^1]) ? v[..^1].Trim() : v;
        if (!long.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var n)) return v;
        var mult = unit switch { 's' => 1L, 'm' => 60L, 'h' => 3600L, 'd' => 86_400L, _ => 0L };
        return mult == 0 ? v : (n * mult).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

[OptionsValidator]
public sealed partial class CacheOptionsValidator : IValidateOptions<CacheOptions>;
