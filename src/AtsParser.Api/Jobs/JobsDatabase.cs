using AtsParser.Api.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>
/// Jobs live in the storage database (DATABASE_URL). Without it the API still starts: the jobs endpoints answer
/// 503 storage_disabled like storage's, and the worker and webhook dispatcher stay idle.
/// </summary>
public sealed class JobsDatabase(NpgsqlDataSource source, IOptions<StorageOptions> storage)
{
    public bool Enabled => storage.Value.Enabled;

    public NpgsqlDataSource Source => Enabled ? source : throw new StorageException(StorageException.Disabled);
}
