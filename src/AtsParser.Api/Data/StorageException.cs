namespace AtsParser.Api.Data;

/// <summary>Storage is switched off or unreachable; maps to a 503 ProblemDetails with a stable code.</summary>
public sealed class StorageException(string code, string? detail = null, Exception? inner = null) : Exception(detail ?? code, inner)
{
    public const string Disabled = "storage_disabled";
    public const string Unavailable = "storage_unavailable";
    public const string NotFound = "resume_not_found";

    public string Code { get; } = code;
    public string? Detail { get; } = detail;
}
