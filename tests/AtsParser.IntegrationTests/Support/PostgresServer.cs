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
    string _startOptions = "";
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
        server._startOptions = $"-p {port} -k {server._dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await server.StartAgainAsync();
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

    /// <summary>Starts the server again after StopAsync, on the same port with the same data (a database back from an outage).</summary>
    public async Task StartAgainAsync()
    {
        if (_dataDir is null) throw new InvalidOperationException("Only a server this process started can be started again.");
        await LocalProcess.RunAsync(Bin + "/pg_ctl", ["-D", _dataDir + "/data", "-l", _dataDir + "/log", "-w", "-t", "60", "-o", _startOptions, "start"], User);
    }

    /// <summary>Stops at once by default (a crash, as clients see it). With synchronous_commit off, an immediate stop can lose the
    /// last commits; `fast` (a clean shutdown, clients cut off all the same) keeps them, for tests that read them afterwards.</summary>
    public async Task StopAsync(string mode = "immediate")
    {
        if (_dataDir is null) return;
        NpgsqlConnection.ClearAllPools();
        await LocalProcess.RunAsync(Bin + "/pg_ctl", ["-D", _dataDir + "/data", "-m", mode, "-w", "stop"], User);
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
