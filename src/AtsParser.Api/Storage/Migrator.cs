using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AtsParser.Api.Storage;

public sealed record Migration(string Version, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}

/// <summary>
/// Applies the embedded Storage/Migrations/*.sql files in file-name order, then EF Core's migrations. Each file runs in its own transaction and
/// is recorded in schema_migrations. A session-level advisory lock serialises concurrent replicas: the second one
/// waits, then finds everything applied. Any feature adds its schema by adding the next numbered file.
/// </summary>
public sealed class Migrator(ILogger<Migrator> logger)
{
    // Arbitrary but fixed: every AtsParser replica must use the same key.
    public const long AdvisoryLockKey = 0x4154_5350_4D49_4752; // "ATSPMIGR"

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>EF Core migrations (Storage/EfMigrations), applied after the SQL files.</summary>
    public static IReadOnlyList<string> EfMigrations { get; } = LoadEfMigrations();

    /// <summary>Everything a fresh database gets, in order: the SQL files, then the EF migrations.</summary>
    public static IReadOnlyList<string> All => [.. Embedded.Select(m => m.Version), .. EfMigrations];

    public Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct) =>
        MigrateAsync(connectionString, Embedded, ct);

    /// <summary>Returns the versions applied by this call (empty when the schema was already current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await Exec(conn, null, "SELECT pg_advisory_lock(@key)", ct, ("key", AdvisoryLockKey));
        try
        {
            await Exec(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text PRIMARY KEY,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new Dictionary<string, string>();
            await using (var cmd = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);

            var done = new List<string>();
            foreach (var m in migrations.OrderBy(m => m.Version, StringComparer.Ordinal))
            {
                if (applied.TryGetValue(m.Version, out var checksum))
                {
                    // An applied file that changed would leave replicas with different schemas: refuse loudly.
                    if (checksum != m.Checksum)
                        throw new InvalidOperationException($"Migration {m.Version} was changed after it was applied. Add a new migration file instead of editing an applied one.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, m.Sql, ct);
                await Exec(conn, tx, "INSERT INTO schema_migrations (version, checksum) VALUES (@v, @c)", ct, ("v", m.Version), ("c", m.Checksum));
                await tx.CommitAsync(ct);
                Log.MigrationApplied(logger, m.Version);
                done.Add(m.Version);
            }
            // Then EF Core's migrations of the resume tables, still under the lock and on this connection. Their baseline is
            // the schema the files above created, so an existing database only gains its row in __EFMigrationsHistory.
            await using (var db = AtsDb.On(conn))
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0) await db.Database.MigrateAsync(ct);
                foreach (var id in pending) Log.MigrationApplied(logger, id);
                done.AddRange(pending);
            }
            Log.MigrationsCurrent(logger, migrations.Count + EfMigrations.Count, done.Count);
            return done;
        }
        finally
        {
            await Exec(conn, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static List<Migration> LoadEmbedded()
    {
        var asm = typeof(Migrator).Assembly;
        const string prefix = "Migrations.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => new Migration(n[prefix.Length..^4], Read(asm, n)))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    static List<string> LoadEfMigrations()
    {
        using var db = AtsDb.On(new NpgsqlConnection());
        return db.Database.GetMigrations().ToList();
    }

    static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        return new StreamReader(s, Encoding.UTF8).ReadToEnd();
    }
}
