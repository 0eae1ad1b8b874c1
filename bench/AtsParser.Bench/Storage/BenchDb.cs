using AtsParser.Api.Storage;
using Npgsql;
using Pgvector.Npgsql;

namespace AtsParser.Bench.Storage;

/// <summary>Benchmarks need DATABASE_URL (e.g. from scripts/dev-servers.sh) and work in scratch databases they create and drop.</summary>
public static class BenchDb
{
    public static string Admin()
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url)) throw new InvalidOperationException("Set DATABASE_URL (eval \"$(scripts/dev-servers.sh start)\") to run the storage benchmarks.");
        return PostgresUrl.ToConnectionString(url);
    }

    public static async Task<string> CreateAsync(string name, CancellationToken ct)
    {
        await using (var conn = new NpgsqlConnection(Admin()))
        {
            await conn.OpenAsync(ct);
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn).ExecuteNonQueryAsync(ct);
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn).ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(Admin()) { Database = name, CommandTimeout = 0 }.ConnectionString;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Admin());
        await conn.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn).ExecuteNonQueryAsync();
    }

    /// <summary>Connections that can send Pgvector's Vector, as the service's data source can (StorageServices).</summary>
    public static NpgsqlDataSource Source(string connectionString)
    {
        var b = new NpgsqlDataSourceBuilder(connectionString);
        b.UseVector();
        return b.Build();
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
