using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Outbox;

/// <summary>
/// The write-behind outbox in Redis (REDIS_URL, under Cache:KeyPrefix): stores and job submissions that find the
/// database unreachable wait there until it answers again. Without Redis there is no outbox (503 storage_unavailable as before).
/// </summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>OUTBOX_ENABLED: false answers 503 storage_unavailable during a database outage instead of deferring.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>OUTBOX_MAX_ENTRIES: entries waiting at once (all replicas, all tenants); over it a deferred write answers 503.</summary>
    [Range(1, 10_000_000)] public int MaxEntries { get; set; } = 10_000;

    /// <summary>OUTBOX_MAX_BYTES: bytes waiting at once (results, texts and job files); over it a deferred write answers 503.</summary>
    [Range(1024, 1L << 36)] public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>OUTBOX_MAX_JOB_BYTES: the largest job submission (its files together) that can wait in the outbox; it is held in memory while it is read.</summary>
    [Range(1024, 1L << 32)] public long MaxJobBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>How often an idle drainer looks for entries (and the first wait after a failed round; it doubles up to 10 s).</summary>
    [Range(50, 60_000)] public int PollIntervalMs { get; set; } = 2000;

    /// <summary>A replica draining an entry holds it this long; another replica takes it over after that.</summary>
    [Range(1, 3600)] public int LeaseSeconds { get; set; } = 60;

    /// <summary>A Redis call of the outbox slower than this fails (a deferred write then answers 503). Larger than the cache's: entries carry whole texts and files.</summary>
    [Range(100, 60_000)] public int OperationTimeoutMs { get; set; } = 5000;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMs);
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan OperationTimeout => TimeSpan.FromMilliseconds(OperationTimeoutMs);
}

[OptionsValidator]
public sealed partial class OutboxOptionsValidator : IValidateOptions<OutboxOptions>;
