using AtsParser.Core.Documents;

namespace AtsParser.Api.Storage;

/// <summary>Storage is switched off or unreachable; maps to a 503 ProblemDetails with a stable code.</summary>
public sealed class StorageException(string code, string? detail = null, Exception? inner = null) : CodedException(code, detail, inner)
{
    public const string Disabled = ErrorCodes.StorageDisabled;
    public const string Unavailable = ErrorCodes.StorageUnavailable;
    public const string NotFound = ErrorCodes.ResumeNotFound;

    /// <summary>The database could not be reached: a transient Npgsql error, possibly wrapped by EF Core's execution strategy.</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is Npgsql.NpgsqlException { IsTransient: true }) return true;
        return false;
    }
}
