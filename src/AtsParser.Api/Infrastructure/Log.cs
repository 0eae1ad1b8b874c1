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

    [LoggerMessage(1500, LogLevel.Debug, "Heuristic parse: lines={Lines} sections={Sections} jobs={Jobs} schools={Schools} in {Ms} ms")]
    public static partial void HeuristicParsed(ILogger logger, int lines, int sections, int jobs, int schools, long ms);

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
