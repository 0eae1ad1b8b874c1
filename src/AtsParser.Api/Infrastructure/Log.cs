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

    [LoggerMessage(1600, LogLevel.Information, "Security: auth enforced={Enforced} apiKeys={ApiKeys} jwt={Jwt} rateLimitPerMinute={PerMinute} corsOrigins={CorsOrigins}")]
    public static partial void SecurityConfigured(ILogger logger, bool enforced, int apiKeys, bool jwt, int perMinute, int corsOrigins);

    [LoggerMessage(1601, LogLevel.Warning, "AUTH_DISABLED=true in Production: every endpoint is open; only do this behind an authenticating gateway")]
    public static partial void AuthDisabledInProduction(ILogger logger);

    [LoggerMessage(1602, LogLevel.Information, "Authentication failed: scheme={Scheme} reason={Reason} path={Path}")]
    public static partial void AuthFailed(ILogger logger, string scheme, string reason, string path);

    [LoggerMessage(1603, LogLevel.Information, "Rate limited: partition={Partition} path={Path}")]
    public static partial void RateLimited(ILogger logger, string partition, string path);

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
