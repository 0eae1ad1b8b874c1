namespace AtsParser.Core;

/// <summary>
/// Every log message of the extraction and parsing library (the web service has its own Log class), with stable event ids. Log hashes, formats, sizes, tools and timings:
/// never resume text, parsed fields or whole DTOs.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Parsed {Sha256} format={Format} bytes={Bytes} extractor={Extractor} ocr={Ocr} chars={Chars} in {Ms} ms")]
    public static partial void DocumentParsed(ILogger logger, string sha256, string format, long bytes, string extractor, bool ocr, int chars, long ms);

    [LoggerMessage(1101, LogLevel.Information, "Rejected {Sha256} bytes={Bytes}: {Code}")]
    public static partial void DocumentRejected(ILogger logger, string sha256, long bytes, string code);

    [LoggerMessage(1001, LogLevel.Information, "Tool {Tool}: available={Available} enabled={Enabled} version={Version}")]
    public static partial void ToolProbed(ILogger logger, string tool, bool available, bool enabled, string version);

    [LoggerMessage(1002, LogLevel.Warning, "Extractor {Extractor} timed out after {Ms} ms; trying the next one")]
    public static partial void ExtractorTimedOut(ILogger logger, string extractor, long ms);

    [LoggerMessage(1003, LogLevel.Information, "Extractor {Extractor} stopped the chain: {Code}")]
    public static partial void ExtractorStopped(ILogger logger, string extractor, string code);

    [LoggerMessage(1004, LogLevel.Warning, "Extraction budget of {BudgetSeconds} s spent during {Extractor}; the chain stops")]
    public static partial void ExtractionBudgetSpent(ILogger logger, string extractor, int budgetSeconds);

    [LoggerMessage(1005, LogLevel.Information, "Swept the temp root {Root} of an instance that is gone")]
    public static partial void TempRootSwept(ILogger logger, string root);

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

    [LoggerMessage(1500, LogLevel.Debug, "Heuristic parse: lines={Lines} sections={Sections} jobs={Jobs} schools={Schools} in {Ms} ms")]
    public static partial void HeuristicParsed(ILogger logger, int lines, int sections, int jobs, int schools, long ms);

    [LoggerMessage(1550, LogLevel.Information, "OpenAI parser enabled: model={Model} endpoint={EndpointHost}")]
    public static partial void OpenAiParserEnabled(ILogger logger, string model, string endpointHost);

    [LoggerMessage(1551, LogLevel.Debug, "Compacted input: chars {CharsBefore} -> {CharsAfter}, tokens ({Tokenizer}) {TokensBefore} -> {TokensAfter}, cut lines {CutLines}")]
    public static partial void OpenAiCompacted(ILogger logger, int charsBefore, int charsAfter, string tokenizer, int tokensBefore, int tokensAfter, int cutLines);

    [LoggerMessage(1557, LogLevel.Information, "Tokenizer {Tokenizer} loaded in {Ms} ms")]
    public static partial void TokenizerLoaded(ILogger logger, string tokenizer, long ms);

    [LoggerMessage(1552, LogLevel.Information, "Model {Model} answered: finish={FinishReason} tokensIn={TokensIn} tokensOut={TokensOut} in {Ms} ms; observed chars/token {CharsPerToken:F2}")]
    public static partial void OpenAiAnswered(ILogger logger, string model, string finishReason, int tokensIn, int tokensOut, long ms, double charsPerToken);

    [LoggerMessage(1553, LogLevel.Warning, "Model call retry {Attempt} ({Reason}) after {DelayMs} ms")]
    public static partial void OpenAiRetrying(ILogger logger, string reason, int attempt, long delayMs);

    [LoggerMessage(1554, LogLevel.Warning, "Falling back to the heuristic parser ({Code}): {Reason}")]
    public static partial void OpenAiFallback(ILogger logger, string code, string reason);

    [LoggerMessage(1555, LogLevel.Information, "Text not sent to the model: {MeaningfulChars} letters or digits, or unreadable")]
    public static partial void OpenAiSkippedNoText(ILogger logger, int meaningfulChars);

    [LoggerMessage(1556, LogLevel.Information, "Grounding: {Dropped} values dropped, {LowConfidence} kept with low confidence")]
    public static partial void GroundingChecked(ILogger logger, int dropped, int lowConfidence);
}
