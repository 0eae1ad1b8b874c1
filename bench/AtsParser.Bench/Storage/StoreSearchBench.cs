using System.Diagnostics;
using System.Globalization;
using AtsParser.Api.Search;
using AtsParser.Api.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace AtsParser.Bench.Storage;

/// <summary>
/// `store-search [rows] [stores] [queries]`: the storage write (resume row + vector) and the vector search, the
/// raw-SQL path that issue 11 replaced (kept below as Legacy, verbatim) against the EF Core path
/// (ResumeStore.WriteAsync, VectorSearch.NearestAsync), interleaved in one run over the same database.
/// </summary>
public static class StoreSearchBench
{
    const string DbName = "atsparser_bench_store_search";
    const int Limit = 50;

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        int rows = Arg(0, 10_000), stores = Arg(1, 200), queries = Arg(2, 100);
        var cs = await BenchDb.CreateAsync(DbName, ct);
        try
        {
            await using (var c = new NpgsqlConnection(cs)) { await c.OpenAsync(ct); await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", c).ExecuteNonQueryAsync(ct); }
            await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(cs, ct);
            await using var source = BenchDb.Source(cs);
            var rng = new Random(42);
            var centroids = Enumerable.Range(0, VectorBench.Clusters).Select(_ => VectorBench.Gaussian(rng, 1.0)).ToArray();
            await using (var conn = await source.OpenConnectionAsync(ct))
            {
                await VectorBench.Exec(conn, "DROP INDEX IF EXISTS resume_embeddings_hnsw_idx", ct);
                await VectorBench.LoadAsync(conn, rng, centroids, rows, ct);
                await VectorBench.Exec(conn, "CREATE INDEX resume_embeddings_hnsw_idx ON resume_embeddings USING hnsw (embedding vector_cosine_ops)", ct);
                await VectorBench.Exec(conn, "VACUUM ANALYZE", ct);
            }

            // Writes: a fresh DbContext per store, as the service's scope gives one; legacy and EF alternate.
            var legacyStore = new List<double>();
            var efStore = new List<double>();
            for (var i = -5; i < stores; i++) // 5 warm-up rounds each
            {
                foreach (var ef in i % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var row = Row(rng);
                    var vector = VectorBench.Point(rng, centroids);
                    await using var db = new AtsDb(Options(source));
                    var sw = Stopwatch.StartNew();
                    if (ef) await Store(db).WriteAsync(row, null, VectorBench.Model, vector, ct);
                    else await Legacy.SaveAsync(db, row, VectorBench.Model, vector, ct);
                    if (i >= 0) (ef ? efStore : legacyStore).Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            // Searches: the same query vectors through both, alternating which goes first.
            var legacySearch = new List<double>();
            var efSearch = new List<double>();
            var same = 0;
            var qs = Enumerable.Range(0, queries + 5).Select(_ => VectorBench.Point(rng, centroids)).ToList();
            for (var i = 0; i < qs.Count; i++)
            {
                List<VectorHit>? a = null, b = null;
                foreach (var ef in i % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    await using var db = new AtsDb(Options(source));
                    var sw = Stopwatch.StartNew();
                    if (ef) a = await VectorSearch.NearestAsync(db, VectorBench.Tenant, VectorBench.Model, qs[i], Limit, new ResumeFilters(), ct);
                    else
                    {
                        await db.Database.OpenConnectionAsync(ct);
                        b = await Legacy.NearestAsync((NpgsqlConnection)db.Database.GetDbConnection(), VectorBench.Model, qs[i], Limit, ct, tenant: VectorBench.Tenant);
                    }
                    if (i >= 5) (ef ? efSearch : legacySearch).Add(sw.Elapsed.TotalMilliseconds);
                }
                if (i >= 5 && a!.Select(h => h.Id).SequenceEqual(b!.Select(h => h.Id))) same++;
            }

            Console.WriteLine($"rows {rows:N0}, stores {stores} per path, queries {queries} per path (LIMIT {Limit}); identical result lists: {same}/{queries}");
            Console.WriteLine("| operation | raw SQL p50 ms | raw SQL p90 ms | EF Core p50 ms | EF Core p90 ms | EF/raw (p50) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            Print("store (row + vector, one transaction)", legacyStore, efStore);
            Print("vector search (HNSW, top 50)", legacySearch, efSearch);
            return 0;
        }
        finally
        {
            await BenchDb.DropAsync(DbName);
        }
    }

    static DbContextOptions<AtsDb> Options(NpgsqlDataSource source)
    {
        var o = new DbContextOptionsBuilder<AtsDb>();
        AtsDb.Configure(o, source);
        return o.Options;
    }

    static ResumeStore Store(AtsDb db) => new(db, new LexicalEmbedder(), Microsoft.Extensions.Options.Options.Create(new StorageOptions()),
        Microsoft.Extensions.Options.Options.Create(new JsonOptions()), NullLogger<ResumeStore>.Instance);

    static ResumeWrite Row(Random rng)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var facts = new ResumeFacts("Generated Person", "Springfield", ["accounting", "excel", "sap"], ["accountant"], 60 + rng.Next(100));
        return new ResumeWrite("default", sha, "generated.pdf", "pdf", 50_000, """{"generated":true}""", """{"pipelineVersion":1}""", facts);
    }

    static void Print(string what, List<double> raw, List<double> ef)
    {
        raw.Sort();
        ef.Sort();
        double P(List<double> s, double p) => BenchDb.Percentile(s, p);
        Console.WriteLine(FormattableString.Invariant(
            $"| {what} | {P(raw, 0.5):F2} | {P(raw, 0.9):F2} | {P(ef, 0.5):F2} | {P(ef, 0.9):F2} | {P(ef, 0.5) / P(raw, 0.5):F2} |"));
    }

    /// <summary>The code the service ran before issue 11 (ResumeStore.SaveAsync's database part and VectorSql), for comparison only.</summary>
    static class Legacy
    {
        public static async Task<Guid> SaveAsync(AtsDb db, ResumeWrite w, string model, float[] embedding, CancellationToken ct)
        {
            var facts = w.Facts;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            var ntx = (NpgsqlTransaction)tx.GetDbTransaction();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO resumes (id, tenant, sha256, file_name, format, size_bytes, parsed, parser_meta, candidate_name, location, skills, titles, experience_months)
                VALUES (@id, @tenant, @sha, @file, @format, @size, @parsed::jsonb, @meta::jsonb, @name, @location, @skills, @titles, @months)
                ON CONFLICT (tenant, sha256) DO UPDATE SET file_name = excluded.file_name, format = excluded.format, size_bytes = excluded.size_bytes,
                    parsed = excluded.parsed, parser_meta = excluded.parser_meta, candidate_name = excluded.candidate_name, location = excluded.location,
                    skills = excluded.skills, titles = excluded.titles, experience_months = excluded.experience_months, updated_at = now()
                RETURNING id
                """, conn, ntx);
            cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("tenant", w.Tenant);
            cmd.Parameters.AddWithValue("sha", w.Sha256);
            cmd.Parameters.AddWithValue("file", w.FileName);
            cmd.Parameters.AddWithValue("format", w.Format);
            cmd.Parameters.AddWithValue("size", w.SizeBytes);
            cmd.Parameters.AddWithValue("parsed", w.ParsedJson);
            cmd.Parameters.AddWithValue("meta", w.MetaJson);
            cmd.Parameters.AddWithValue("name", (object?)facts.CandidateName ?? DBNull.Value);
            cmd.Parameters.AddWithValue("location", (object?)facts.Location ?? DBNull.Value);
            cmd.Parameters.AddWithValue("skills", facts.Skills);
            cmd.Parameters.AddWithValue("titles", facts.Titles);
            cmd.Parameters.AddWithValue("months", (object?)facts.ExperienceMonths ?? DBNull.Value);
            var id = (Guid)(await cmd.ExecuteScalarAsync(ct))!;
            await db.ResumeTexts.Where(t => t.ResumeId == id).ExecuteDeleteAsync(ct);
            await using (var up = new NpgsqlCommand("""
                INSERT INTO resume_embeddings (resume_id, model, dimensions, embedding) VALUES (@id, @model, @dims, @v)
                ON CONFLICT (resume_id, model) DO UPDATE SET dimensions = excluded.dimensions, embedding = excluded.embedding, created_at = now()
                """, conn, ntx))
            {
                up.Parameters.AddWithValue("id", id);
                up.Parameters.AddWithValue("model", model);
                up.Parameters.AddWithValue("dims", embedding.Length);
                up.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = EmbeddingSpace.Fit(embedding, model) });
                await up.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            return id;
        }

        public static async Task<List<VectorHit>> NearestAsync(NpgsqlConnection conn, string model, float[] query, int limit, CancellationToken ct, int efSearch = 100, string? tenant = null)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var set = new NpgsqlCommand("SELECT set_config('hnsw.ef_search', @ef, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)", conn, tx))
            {
                set.Parameters.AddWithValue("ef", efSearch.ToString(CultureInfo.InvariantCulture));
                await set.ExecuteNonQueryAsync(ct);
            }
            var where = new List<string> { "e.model = @model" };
            await using var cmd = new NpgsqlCommand { Connection = conn, Transaction = tx };
            cmd.Parameters.AddWithValue("model", model);
            cmd.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = EmbeddingSpace.Fit(query, model) });
            cmd.Parameters.AddWithValue("limit", limit);
            if (tenant is not null) { where.Add("r.tenant = @tenant"); cmd.Parameters.AddWithValue("tenant", tenant); }
            cmd.CommandText = $"""
                SELECT e.resume_id, e.embedding <=> @q::vector(1536) AS distance
                FROM resume_embeddings e JOIN resumes r ON r.id = e.resume_id
                WHERE {string.Join(" AND ", where)}
                ORDER BY e.embedding <=> @q::vector(1536)
                LIMIT @limit
                """;
            var hits = new List<VectorHit>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) hits.Add(new VectorHit(reader.GetGuid(0), reader.GetDouble(1)));
            await tx.CommitAsync(ct);
            return hits;
        }
    }
}
