namespace AtsParser.Api;

/// <summary>
/// Every log message of the web service (extraction and parsing log through AtsParser.Core.Log), with stable event ids. Log hashes, formats, sizes, tools and timings:
/// never resume text, parsed fields or whole DTOs.
/// </summary>
public static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "Migration {Version} applied")]
    public static partial void MigrationApplied(ILogger logger, string version);

    [LoggerMessage(1401, LogLevel.Information, "Schema current: {Total} migrations known, {Applied} applied now")]
    public static partial void MigrationsCurrent(ILogger logger, int total, int applied);

    [LoggerMessage(1410, LogLevel.Warning, "Cache {Backend} {Operation} failed ({Error}); bypassing the cache for {BreakSeconds} s")]
    public static partial void CacheUnavailable(ILogger logger, string backend, string operation, string error, int breakSeconds);

    [LoggerMessage(1420, LogLevel.Information, "Stored resume {Id} sha256={Sha256} embedding={Model} embedded={Embedded}")]
    public static partial void ResumeStored(ILogger logger, Guid id, string sha256, string model, bool embedded);

    [LoggerMessage(1421, LogLevel.Information, "Erased resume {Id} sha256={Sha256} cacheErased={CacheErased}")]
    public static partial void ResumeErased(ILogger logger, Guid id, string sha256, bool cacheErased);

    [LoggerMessage(1422, LogLevel.Warning, "Embedding {Sha256} with {Model} failed ({Error}); stored without a vector")]
    public static partial void EmbeddingFailed(ILogger logger, string sha256, string model, string error);

    [LoggerMessage(1430, LogLevel.Information, "Retention purge erased {Count} resumes older than {Days} days")]
    public static partial void RetentionPurged(ILogger logger, int count, int days);

    [LoggerMessage(1431, LogLevel.Warning, "Retention purge failed ({Error}); retrying at the next interval")]
    public static partial void RetentionFailed(ILogger logger, string error);

    [LoggerMessage(1440, LogLevel.Warning, "Parse refused with server_busy: all {Concurrency} parse slots stayed taken for {Seconds} s")]
    public static partial void ParseBusy(ILogger logger, int concurrency, double seconds);

    [LoggerMessage(1450, LogLevel.Warning, "Dedupe lookup for sha256={Sha256} skipped: the database is unreachable ({Error}); parsing as new")]
    public static partial void DedupeSkipped(ILogger logger, string sha256, string error);

    [LoggerMessage(1451, LogLevel.Warning, "Database unreachable ({Error}): {Kind} {Id} deferred to the outbox ({Bytes} bytes)")]
    public static partial void OutboxDeferred(ILogger logger, string kind, Guid id, int bytes, string error);

    [LoggerMessage(1452, LogLevel.Warning, "Database unreachable and the outbox refused {Kind} ({Reason}): answering storage_unavailable")]
    public static partial void OutboxRefused(ILogger logger, string kind, string reason);

    [LoggerMessage(1453, LogLevel.Information, "Outbox {Kind} {Id} written to the database ({Bytes} bytes)")]
    public static partial void OutboxDrained(ILogger logger, Guid id, string kind, int bytes);

    [LoggerMessage(1454, LogLevel.Warning, "Outbox {Kind} {Id} not written ({Error}); database unreachable={Unavailable}")]
    public static partial void OutboxDrainFailed(ILogger logger, Guid id, string kind, string error, bool unavailable);

    [LoggerMessage(1455, LogLevel.Warning, "Outbox unreachable ({Error}); retrying")]
    public static partial void OutboxUnreachable(ILogger logger, string error);

    [LoggerMessage(1456, LogLevel.Warning, "Outbox entry {Id} has kind {Kind}, which this version does not know; left for another replica")]
    public static partial void OutboxUnknownKind(ILogger logger, Guid id, string kind);

    [LoggerMessage(1457, LogLevel.Information, "Outbox {Kind} {Id} was erased while it was written; its row is deleted again")]
    public static partial void OutboxErasedWhileDraining(ILogger logger, Guid id, string kind);

    [LoggerMessage(1700, LogLevel.Information, "Job {JobId} accepted with {Files} files")]
    public static partial void JobCreated(ILogger logger, Guid jobId, int files);

    [LoggerMessage(1701, LogLevel.Warning, "Job refused: queue depth {Depth} is at JOBS_MAX_QUEUE_DEPTH {Max}")]
    public static partial void JobRefusedQueueFull(ILogger logger, long depth, int max);

    [LoggerMessage(1702, LogLevel.Information, "Job {JobId} file {Index} sha256={Sha256} succeeded on attempt {Attempt} in {Ms} ms")]
    public static partial void ItemSucceeded(ILogger logger, Guid jobId, int index, string sha256, int attempt, long ms);

    [LoggerMessage(1703, LogLevel.Warning, "Job {JobId} file {Index} sha256={Sha256} failed with {Code} on attempt {Attempt}: now {Outcome}")]
    public static partial void ItemFailed(ILogger logger, Guid jobId, int index, string sha256, string code, string outcome, int attempt);

    [LoggerMessage(1704, LogLevel.Information, "Job {JobId} file {Index} handed back to the queue at shutdown")]
    public static partial void ItemReleased(ILogger logger, Guid jobId, int index);

    [LoggerMessage(1705, LogLevel.Warning, "Job {JobId} file {Index}: lease lost (cancelled or taken over); the result is discarded")]
    public static partial void LeaseLost(ILogger logger, Guid jobId, int index);

    [LoggerMessage(1706, LogLevel.Warning, "Re-delivered or dead-lettered {Count} items whose lease expired")]
    public static partial void LeasesReaped(ILogger logger, int count);

    [LoggerMessage(1707, LogLevel.Warning, "Job queue database unavailable; backing off")]
    public static partial void QueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1708, LogLevel.Information, "Job {JobId} cancelled: {Dropped} files dropped")]
    public static partial void JobCancelled(ILogger logger, Guid jobId, int dropped);

    [LoggerMessage(1709, LogLevel.Information, "Job {JobId}: {Count} dead-lettered files requeued")]
    public static partial void ItemsRequeued(ILogger logger, Guid jobId, int count);

    [LoggerMessage(1710, LogLevel.Information, "Job worker {Owner} started with concurrency {Concurrency}")]
    public static partial void WorkerStarted(ILogger logger, string owner, int concurrency);

    [LoggerMessage(1711, LogLevel.Warning, "Lease heartbeat failed; retrying at the next beat")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(1712, LogLevel.Information, "Purged {Count} finished jobs older than {Days} days")]
    public static partial void JobsPurged(ILogger logger, int count, int days);

    [LoggerMessage(1720, LogLevel.Information, "Webhook {DeliveryId} {Event} delivered ({Status}) on attempt {Attempt} in {Ms} ms")]
    public static partial void WebhookDelivered(ILogger logger, long deliveryId, string @event, int status, int attempt, int ms);

    [LoggerMessage(1721, LogLevel.Warning, "Webhook {DeliveryId} {Event} attempt {Attempt} failed ({Error}); retrying in {Seconds} s")]
    public static partial void WebhookAttemptFailed(ILogger logger, long deliveryId, string @event, int attempt, string error, double seconds);

    [LoggerMessage(1722, LogLevel.Error, "Webhook {DeliveryId} {Event} given up after {Attempt} attempts ({Error})")]
    public static partial void WebhookGaveUp(ILogger logger, long deliveryId, string @event, int attempt, string error);

    [LoggerMessage(1723, LogLevel.Warning, "Webhook dispatcher failed; retrying")]
    public static partial void WebhookDispatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(1600, LogLevel.Information, "Security: auth enforced={Enforced} apiKeys={ApiKeys} jwt={Jwt} rateLimitPerMinute={PerMinute} corsOrigins={CorsOrigins}")]
    public static partial void SecurityConfigured(ILogger logger, bool enforced, int apiKeys, bool jwt, int perMinute, int corsOrigins);

    [LoggerMessage(1604, LogLevel.Critical, "Invalid configuration, not starting: {Failures}")]
    public static partial void ConfigurationInvalid(ILogger logger, string failures);

    [LoggerMessage(1601, LogLevel.Warning, "AUTH_DISABLED=true in Production: every endpoint is open; only do this behind an authenticating gateway")]
    public static partial void AuthDisabledInProduction(ILogger logger);

    [LoggerMessage(1602, LogLevel.Information, "Authentication failed: scheme={Scheme} reason={Reason} path={Path}")]
    public static partial void AuthFailed(ILogger logger, string scheme, string reason, string path);

    [LoggerMessage(1603, LogLevel.Information, "Rate limited: partition={Partition} path={Path}")]
    public static partial void RateLimited(ILogger logger, string partition, string path);

    [LoggerMessage(1610, LogLevel.Debug, "Queue depth not sampled: {Error}")]
    public static partial void QueueDepthUnavailable(ILogger logger, string error);

    [LoggerMessage(1623, LogLevel.Information, "Warm-up started: {Samples} built-in samples x {Rounds} rounds; /health/ready answers 503 until it ends (at most WARMUP_MAX_SECONDS={MaxSeconds}; WARMUP_ENABLED=false skips it)")]
    public static partial void WarmupStarted(ILogger logger, int samples, int rounds, double maxSeconds);

    [LoggerMessage(1620, LogLevel.Information, "Warm-up finished: {Documents} sample parses ({Failures} failed) in {Ms} ms")]
    public static partial void WarmupFinished(ILogger logger, int documents, int failures, long ms);

    [LoggerMessage(1621, LogLevel.Warning, "Warm-up stopped at WARMUP_MAX_SECONDS={Seconds}; reporting ready with the code partly warm")]
    public static partial void WarmupCapped(ILogger logger, double seconds);

    [LoggerMessage(1622, LogLevel.Warning, "Warm-up sample in {Format} failed ({Error}); logged once per format, the warm-up goes on")]
    public static partial void WarmupSampleFailed(ILogger logger, string format, string error);

    [LoggerMessage(1800, LogLevel.Information, "Correction stored for resume {ResumeId}: {Operations} operations")]
    public static partial void CorrectionStored(ILogger logger, Guid resumeId, int operations);

    [LoggerMessage(1901, LogLevel.Warning, "Answered {Code} on {Path}")]
    public static partial void ServerSideProblem(ILogger logger, Exception exception, string path, string code);

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
