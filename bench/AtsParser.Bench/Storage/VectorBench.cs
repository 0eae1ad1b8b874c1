using System.Diagnostics;
using System.Globalization;
using AtsParser.Api.Storage;
using AtsParser.Api.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace AtsParser.Bench.Storage;

/// <summary>
/// `vector-search [sizes] [queries]`: search latency over generated 1536-d embeddings (clustered, like resumes of a
/// few hundred professions) at 10k and 100k rows, HNSW vs exact scan, with HNSW recall@10 against the exact answer.
/// Uses the service's own schema (Migrator) and query (VectorSearch.NearestAsync, LIMIT 50 as the search endpoint asks).
/// </summary>
public static class VectorBench
{
    internal const string Model = "bench-synthetic", Tenant = "default";
    const string DbName = "atsparser_bench_vectors";
    internal const int Clusters = 300;
    const int Limit = 50, RecallAt = 10;

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var sizes = (args.Length > 0 ? args[0] : "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var db = await BenchDb.CreateAsync(DbName, ct);
        try
        {
            await using (var c = new NpgsqlConnection(db)) { await c.OpenAsync(ct); await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", c).ExecuteNonQueryAsync(ct); }
            await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(db, ct);
            var rng = new Random(42);
            var centroids = Enumerable.Range(0, Clusters).Select(_ => Gaussian(rng, 1.0)).ToArray();
            await using var source = BenchDb.Source(db);
            await using var conn = await source.OpenConnectionAsync(ct);
            Console.WriteLine("| rows | index build s | HNSW p50 ms | HNSW p99 ms | exact p50 ms | exact p99 ms | exact/HNSW (p50) | HNSW recall@10 |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            var loaded = 0;
            foreach (var size in sizes)
            {
                await Exec(conn, "DROP INDEX IF EXISTS resume_embeddings_hnsw_idx", ct);
                await LoadAsync(conn, rng, centroids, size - loaded, ct);
                loaded = size;
                await Exec(conn, "VACUUM ANALYZE resume_embeddings", ct);
                await Exec(conn, "SET maintenance_work_mem = '1GB'", ct);
                var build = Stopwatch.StartNew();
                await Exec(conn, "CREATE INDEX resume_embeddings_hnsw_idx ON resume_embeddings USING hnsw (embedding vector_cosine_ops)", ct);
                build.Stop();

                var qs = Enumerable.Range(0, queries).Select(_ => Point(rng, centroids)).ToList();
                var (hnsw, hnswHits) = await TimeAsync(conn, qs, exact: false, ct);
                var (exact, exactHits) = await TimeAsync(conn, qs, exact: true, ct);
                var recall = hnswHits.Zip(exactHits, (h, e) => h.Take(RecallAt).Intersect(e.Take(RecallAt)).Count() / (double)RecallAt).Average();
                Console.WriteLine(FormattableString.Invariant(
                    $"| {size:N0} | {build.Elapsed.TotalSeconds:F1} | {P(hnsw, 0.5):F1} | {P(hnsw, 0.99):F1} | {P(exact, 0.5):F1} | {P(exact, 0.99):F1} | {P(exact, 0.5) / P(hnsw, 0.5):F0}x | {recall:F3} |"));
            }
            return 0;
        }
        finally
        {
            await BenchDb.DropAsync(DbName);
        }
    }

    static async Task<(List<double> Ms, List<List<Guid>> Hits)> TimeAsync(NpgsqlConnection conn, List<float[]> queries, bool exact, CancellationToken ct)
    {
        await using var db = AtsDb.On(conn);
        await VectorSearch.NearestAsync(db, Tenant, Model, queries[0], Limit, new ResumeFilters(), ct, exact); // warm the plan and the cache
        var ms = new List<double>();
        var hits = new List<List<Guid>>();
        foreach (var q in queries)
        {
            var sw = Stopwatch.StartNew();
            var r = await VectorSearch.NearestAsync(db, Tenant, Model, q, Limit, new ResumeFilters(), ct, exact);
            ms.Add(sw.Elapsed.TotalMilliseconds);
            hits.Add(r.Select(h => h.Id).ToList());
        }
        ms.Sort();
        return (ms, hits);
    }

    /// <summary>Resume rows plus their vectors, through binary COPY of real[] into a staging table (vector has no binary COPY from real[]).</summary>
    internal static async Task LoadAsync(NpgsqlConnection conn, Random rng, float[][] centroids, int count, CancellationToken ct)
    {
        await Exec(conn, "CREATE TEMP TABLE IF NOT EXISTS stage (id uuid, v real[]); TRUNCATE stage", ct);
        await using (var w = await conn.BeginBinaryImportAsync("COPY stage (id, v) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(Point(rng, centroids), NpgsqlDbType.Array | NpgsqlDbType.Real, ct);
            }
            await w.CompleteAsync(ct);
        }
        await Exec(conn, """
            INSERT INTO resumes (id, sha256, file_name, format, size_bytes, parsed, parser_meta)
            SELECT id, encode(sha256(id::text::bytea), 'hex'), 'generated.txt', 'txt', 0, '{}', '{}' FROM stage;
            INSERT INTO resume_embeddings (resume_id, model, dimensions, embedding) SELECT id, 'bench-synthetic', 1536, v::vector FROM stage;
            """, ct);
    }

    internal static float[] Point(Random rng, float[][] centroids)
    {
        var c = centroids[rng.Next(centroids.Length)];
        var noise = Gaussian(rng, 0.6);
        var v = new float[c.Length];
        for (var i = 0; i < v.Length; i++) v[i] = c[i] + noise[i];
        return v;
    }

    internal static float[] Gaussian(Random rng, double sigma)
    {
        var v = new float[EmbeddingSpace.Dimensions];
        for (var i = 0; i < v.Length; i++)
            v[i] = (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        return v;
    }

    static double P(List<double> sorted, double p) => BenchDb.Percentile(sorted, p);

    internal static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
