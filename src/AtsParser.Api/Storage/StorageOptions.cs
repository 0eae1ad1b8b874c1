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

    /// <summary>MIGRATE_ON_STARTUP: apply pending migrations before the server starts listening.</summary>
    public bool MigrateOnStartup { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    public string NpgsqlConnectionString => PostgresUrl.ToConnectionString(ConnectionString!);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Enabled) yield break;
        string? error = null;
        try { _ = NpgsqlConnectionString; }
        catch (ArgumentException e) { error = e.Message; }
        if (error is not null)
            yield return new ValidationResult($"DATABASE_URL (Storage:ConnectionString) is not a valid postgres:// URL or Npgsql connection string: {error}", [nameof(ConnectionString)]);
    }
}

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
