using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>
/// The data source jobs run on, or none when DATABASE_URL is unset. Services take this rather than the data
/// source itself so the API can still start (and answer 503 storage_disabled) without a database.
/// </summary>
public sealed class JobsDatabase(NpgsqlDataSource? source)
{
    public bool Enabled => source is not null;

    public NpgsqlDataSource Source => source ?? throw new JobRejectedException(JobErrors.StorageDisabled);
}
