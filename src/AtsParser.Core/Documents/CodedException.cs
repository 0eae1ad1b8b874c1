namespace AtsParser.Core.Documents;

/// <summary>
/// The one exception type that carries a stable error code from <see cref="ErrorCodes"/>. The API turns any of
/// them into ProblemDetails with one factory; subclasses only add data (a chain's attempts, whether the file is hostile).
/// </summary>
public class CodedException(string code, string? detail = null, Exception? inner = null) : Exception(detail ?? code, inner)
{
    public string Code { get; } = code;

    /// <summary>What is specific to this occurrence (prefixed to the catalogue's advice), or null for the advice alone.</summary>
    public string? Detail { get; } = detail;

    /// <summary>When a retry can succeed (a full house): the API answers it as Retry-After.</summary>
    public int? RetryAfterSeconds { get; init; }
}
