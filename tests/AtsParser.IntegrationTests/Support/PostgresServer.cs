using Npgsql;

namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// A throw-away PostgreSQL (Debian binaries) with pgvector, on a free port, in a temp directory owned by the
/// `postgres` user (PostgreSQL refuses to run as root). Or, when DATABASE_URL is set, that server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    const string User = "postgres";
    static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Last() + "/bin";
    string? _dataDir;
    IAsyncDisposable? _container;

    /// <summary>Admin connection string (database `postgres`).</summary>
    public string ConnectionString { get; private set; } = "";
    public bool Owned => _dataDir is not null;

    public static PostgresServer External(string connectionString) => new() { ConnectionString = connectionString };

    public static PostgresServer InContainer(IAsyncDisposable container, string connectionString) => new() { ConnectionString = connectionString, _container = container };

    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        // mktemp as the postgres user, so the directory is owned by it without a chown.
        server._dataDir = (await LocalProcess.RunAsync("mktemp", ["-d", "/tmp/ats-pg-XXXXXX"], User)).Trim();
        var port = LocalProcess.FreePort();
        await LocalProcess.RunAsync(Bin + "/initdb", ["-D", server._dataDir + "/data", "-U", User, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], User);
        // Durability is irrelevant for test data: fsync off makes database creation and commits much cheaper.
        await LocalProcess.RunAsync(Bin + "/pg_ctl", ["-D", server._dataDir + "/data", "-l", server._dataDir + "/log", "-w", "-t", "60", "-o",
            $"-p {port} -k {server._dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"], User);
        var stop = $"{Bin}/pg_ctl -D {server._dataDir}/data -m immediate stop >/dev/null 2>&1";
        LocalProcess.CleanupWhenTestProcessExits((LocalProcess.IsRoot ? $"runuser -u {User} -- {stop}" : stop) + $"; rm -rf {server._dataDir}");
        server.ConnectionString = $"Host=127.0.0.1;Port={port};Username={User};Database=postgres;Pooling=true;Timeout=10";
        return server;
    }

    /// <summary>A new empty database with pgvector, for one test class (no test shares another's rows).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (var ext = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", conn)) await ext.ExecuteNonQueryAsync();
        return cs;
    }

    public async Task StopAsync()
    {
        if (_dataDir is null) return;
        NpgsqlConnection.ClearAllPools();
        await LocalProcess.RunAsync(Bin + "/pg_ctl", ["-D", _dataDir + "/data", "-m", "immediate", "-w", "stop"], User);
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) { NpgsqlConnection.ClearAllPools(); await _container.DisposeAsync(); _container = null; }
        if (_dataDir is null) return;
        try { await StopAsync(); } catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _dataDir = null;
    }
}
