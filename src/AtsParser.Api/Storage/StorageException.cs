namespace AtsParser.Api.Storage;

/// <summary>Storage is switched off or unreachable; maps to a 503 ProblemDetails with a stable code.</summary>
public sealed class StorageException(string code, string? detail = null, Exception? inner = null) : Exception(detail ?? code, inner)
{
    public const string Disabled = "storage_disabled";
    public const string Unavailable = "storage_unavailable";
    public const string NotFound = "resume_not_found";

    public string Code { get; } = code;
    public string? Detail { get; } = detail;

    /// <summary>The database could not be reached: a transient Npgsql error, possibly wrapped by EF Core's execution strategy.</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is Npgsql.NpgsqlException { IsTransient: true }) return true;
        return false;
    }
}
