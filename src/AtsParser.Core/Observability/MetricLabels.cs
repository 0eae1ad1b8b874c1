using AtsParser.Core.Documents;

namespace AtsParser.Core.Observability;

// The closed label sets. A value outside its set is exported as "other", so no caller can explode cardinality.

public static class DocumentOutcome
{
    public const string Success = "success";
    /// <summary>The document itself is the problem (unsupported, encrypted, too large...): a client error.</summary>
    public const string Rejected = "rejected";
    /// <summary>We could not read a document we should have (every extractor failed, timed out, or an internal error).</summary>
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly HashSet<string> All = [Success, Rejected, Failed, Cancelled];

    static readonly HashSet<string> ClientCodes =
    [
        ErrorCodes.EmptyFile, ErrorCodes.FileTooLarge, ErrorCodes.UnsupportedFormat, ErrorCodes.EncryptedDocument,
        ErrorCodes.CorruptDocument, ErrorCodes.TooManyPages, ErrorCodes.TooManyFiles, ErrorCodes.MissingFile, ErrorCodes.BadRequest,
    ];

    public static string Of(string? errorCode) => errorCode is null ? Success : ClientCodes.Contains(errorCode) ? Rejected : Failed;
}

public static class LlmOutcome
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string RateLimited = "rate_limited";
    public const string InvalidResponse = "invalid_response";

    public static readonly HashSet<string> All = [Success, Error, Timeout, RateLimited, InvalidResponse];
}

public static class CacheResult
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Error = "error";
    /// <summary>The cache was skipped (circuit open, or the request asked for no cache).</summary>
    public const string Bypass = "bypass";

    public static readonly HashSet<string> All = [Hit, Miss, Error, Bypass];
}

public static class JobOutcome
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string DeadLettered = "dead_lettered";
    public const string Cancelled = "cancelled";
    /// <summary>A transient failure that was scheduled for another attempt.</summary>
    public const string Retried = "retried";

    public static readonly HashSet<string> All = [Succeeded, Failed, DeadLettered, Cancelled, Retried];
}

public static class WebhookOutcome
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Retried = "retried";

    public static readonly HashSet<string> All = [Delivered, Failed, Retried];
}
