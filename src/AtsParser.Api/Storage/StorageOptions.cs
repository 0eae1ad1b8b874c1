using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Storage;

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>DATABASE_URL: a postgres:// URL or an Npgsql connection string. Empty disables storage.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>STORE_TEXT: also keep the extracted text (off by default: the parsed result is usually enough).</summary>
    public bool StoreText { get; set; }

    /// <summary>RETENTION_DAYS: resumes stored longer ago than this are erased. 0 keeps them forever.</summary>
    [Range(0, 36_500)] public int RetentionDays { get; set; }

    [Range(1, 10_080)] public int RetentionIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// DATABASE_CONNECT_TIMEOUT: seconds to open a connection, TCP to the end of the start-up exchange. A database
    /// that accepts connections and never answers costs a request this long, then 503 storage_unavailable.
    /// A Timeout in DATABASE_URL (connect_timeout in a URL) wins.
    /// </summary>
    [Range(1, 300)] public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>DATABASE_COMMAND_TIMEOUT: seconds one command may run. A Command Timeout in DATABASE_URL wins.</summary>
    [Range(1, 3600)] public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>The Retry-After (seconds) of a 503 storage_unavailable.</summary>
    [Range(1, 3600)] public int UnavailableRetryAfterSeconds { get; set; } = 10;

    /// <summary>MIGRATE_ON_STARTUP: apply pending migrations before the server starts listening.</summary>
    public bool MigrateOnStartup { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    public string NpgsqlConnectionString => PostgresUrl.WithTimeouts(PostgresUrl.ToConnectionString(ConnectionString!), ConnectTimeoutSeconds, CommandTimeoutSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        string? error = null;
        try { _ = NpgsqlConnectionString; }
        catch (ArgumentException e) { error = e.Message; }
        if (error is not null)
        {
            yield return new ValidationResult($"DATABASE_URL (Storage:ConnectionString) is not a valid postgres:// URL or Npgsql connection string: {error}", [nameof(ConnectionString)]);
            yield break;
        }
        // 0 means "wait forever" to Npgsql: a hung database would hang every request that touches storage.
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(NpgsqlConnectionString);
        if (cs.Timeout == 0 || cs.CommandTimeout == 0)
            yield return new ValidationResult("DATABASE_URL (Storage:ConnectionString) sets Timeout or Command Timeout to 0 (wait forever); give seconds, or leave them out to use DATABASE_CONNECT_TIMEOUT / DATABASE_COMMAND_TIMEOUT", [nameof(ConnectionString)]);
    }
}

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
