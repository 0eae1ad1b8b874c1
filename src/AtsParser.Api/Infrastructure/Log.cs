namespace AtsParser.Api;

/// <summary>
/// Every log message of the service, with stable event ids. Log hashes, formats, sizes, tools and timings:
/// never resume text, parsed fields or whole DTOs.
/// </summary>
public static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Tool {Tool}: available={Available} enabled={Enabled} version={Version}")]
    public static partial void ToolProbed(ILogger logger, string tool, bool available, bool enabled, string version);

    [LoggerMessage(1002, LogLevel.Warning, "Extractor {Extractor} timed out after {Ms} ms; trying the next one")]
    public static partial void ExtractorTimedOut(ILogger logger, string extractor, long ms);

    [LoggerMessage(1003, LogLevel.Information, "Extractor {Extractor} stopped the chain: {Code}")]
    public static partial void ExtractorStopped(ILogger logger, string extractor, string code);

    [LoggerMessage(1100, LogLevel.Information, "Parsed {Sha256} format={Format} bytes={Bytes} extractor={Extractor} ocr={Ocr} chars={Chars} in {Ms} ms")]
    public static partial void DocumentParsed(ILogger logger, string sha256, string format, long bytes, string extractor, bool ocr, int chars, long ms);

    [LoggerMessage(1101, LogLevel.Information, "Rejected {Sha256} bytes={Bytes}: {Code}")]
    public static partial void DocumentRejected(ILogger logger, string sha256, long bytes, string code);

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

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
