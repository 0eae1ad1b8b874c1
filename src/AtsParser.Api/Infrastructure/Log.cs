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

    [LoggerMessage(1300, LogLevel.Information, "LibreOffice listener {Index} ready (pid {Pid}) in {Ms} ms")]
    public static partial void LoListenerStarted(ILogger logger, int index, int pid, long ms);

    [LoggerMessage(1301, LogLevel.Warning, "LibreOffice listener {Index} failed to start: {Error}")]
    public static partial void LoListenerStartFailed(ILogger logger, int index, string error);

    [LoggerMessage(1302, LogLevel.Warning, "LibreOffice listener {Index} replaced after {Conversions} conversions: {Reason}")]
    public static partial void LoListenerReplaced(ILogger logger, int index, int conversions, string reason);

    [LoggerMessage(1303, LogLevel.Warning, "LibreOffice pool unavailable, converting cold: {Reason}")]
    public static partial void LoPoolUnavailable(ILogger logger, string reason);

    [LoggerMessage(1304, LogLevel.Information, "LibreOffice pool stopped ({Listeners} listeners)")]
    public static partial void LoPoolStopped(ILogger logger, int listeners);

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
