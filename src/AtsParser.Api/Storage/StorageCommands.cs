using Microsoft.Extensions.Options;

namespace AtsParser.Api.Storage;

/// <summary>
/// `dotnet run --project src/AtsParser.Api -- migrate` applies pending migrations; `-- purge` runs the retention purge.
/// Both exit with 0 on success instead of starting the server.
/// </summary>
public static class StorageCommands
{
    public static bool IsStorageCommand(string[] args) => args is ["migrate", ..] or ["purge", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!storage.Enabled)
        {
            await Console.Error.WriteLineAsync("DATABASE_URL is not set: set it to a PostgreSQL database with pgvector (postgres://user:pass@host:5432/db).");
            return 2;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        if (args[0] == "migrate")
        {
            var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync(storage.NpgsqlConnectionString, cts.Token);
            Console.WriteLine(applied.Count == 0 ? "migrate: schema is up to date" : $"migrate: applied {string.Join(", ", applied)}");
        }
        else
        {
            var erased = await app.Services.GetRequiredService<RetentionPurge>().RunAsync(cts.Token);
            Console.WriteLine(storage.RetentionDays == 0 ? "purge: RETENTION_DAYS is 0 (keep forever); nothing to do" : $"purge: erased {erased} resumes older than {storage.RetentionDays} days");
        }
        return 0;
    }
}

/// <summary>MIGRATE_ON_STARTUP=true: migrate before the server accepts requests (replicas wait on the advisory lock).</summary>
public sealed class MigrateOnStartup(Migrator migrator, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value is { Enabled: true, MigrateOnStartup: true }) await migrator.MigrateAsync(options.Value.NpgsqlConnectionString, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
