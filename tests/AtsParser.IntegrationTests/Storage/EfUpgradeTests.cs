using AtsParser.Api.Search;
using AtsParser.Api.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector.Npgsql;
using Xunit;

namespace AtsParser.IntegrationTests.Storage;

/// <summary>A database that the raw-SQL release created and filled moves to EF Core in place.</summary>
public sealed class EfUpgradeTests
{
    const string Model = "lexical-v1";

    [Fact(Timeout = 120_000)]
    public async Task A_database_from_the_sql_migrations_keeps_its_resumes_and_they_stay_searchable_per_tenant()
    {
        var cs = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("up");
        await ApplySqlFilesOnlyAsync(cs);
        var (near, far, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            // Rows as the previous release wrote them: vectors sent as real[] and cast to vector.
            await InsertAsync(conn, near, "acme", Axis(0));
            await InsertAsync(conn, far, "acme", Axis(1));
            await InsertAsync(conn, other, "globex", Axis(0));
        }

        var applied = await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(cs, CancellationToken.None);

        applied.Should().Equal(Migrator.EfMigrations, "only EF's baseline was new; the SQL files were applied already");
        await using var source = VectorSource(cs);
        await using var db = Db(source);
        (await db.Resumes.CountAsync()).Should().Be(3);
        (await db.ResumeEmbeddings.CountAsync()).Should().Be(3);
        var hits = await VectorSearch.NearestAsync(db, "acme", Model, Axis(0), 10, new ResumeFilters(), CancellationToken.None);
        hits.Select(h => h.Id).Should().Equal([near, far], "nearest first, and never another tenant's resume");
        hits[0].Distance.Should().BeApproximately(0, 1e-6);
        (await VectorSearch.NearestAsync(db, "globex", Model, Axis(0), 10, new ResumeFilters(), CancellationToken.None)).Select(h => h.Id).Should().Equal([other]);
        (await VectorSearch.NearestAsync(db, "initech", Model, Axis(0), 10, new ResumeFilters(), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_search_query_orders_by_the_hnsw_index()
    {
        var cs = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("up");
        await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(cs, CancellationToken.None);
        await using var source = VectorSource(cs);
        await using var db = Db(source);
        await using var tx = await db.Database.BeginTransactionAsync();
        // With sorting switched off, only an index that yields `embedding <=> q` order can serve the ORDER BY.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_sort = off; SET LOCAL enable_seqscan = off");
        await using var cmd = VectorSearch.Query(db, "acme", Model, Axis(0), 50, new ResumeFilters { Skills = ["excel"] }).CreateDbCommand();
        cmd.CommandText = "EXPLAIN " + cmd.CommandText;
        cmd.Transaction = tx.GetDbTransaction();
        var plan = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) plan.Add(r.GetString(0));

        string.Join('\n', plan).Should().Contain("resume_embeddings_hnsw_idx").And.NotContain("Sort");
    }

    /// <summary>schema_migrations and the SQL files, as the Migrator of the raw-SQL release ran them (no EF history table).</summary>
    static async Task ApplySqlFilesOnlyAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await Exec(conn, "CREATE TABLE schema_migrations (version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var m in Migrator.Embedded)
        {
            await Exec(conn, m.Sql);
            await using var cmd = new NpgsqlCommand("INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)", conn) { Parameters = { new() { Value = m.Version }, new() { Value = m.Checksum } } };
            await cmd.ExecuteNonQueryAsync();
        }
    }

    static async Task InsertAsync(NpgsqlConnection conn, Guid id, string tenant, float[] vector)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO resumes (id, tenant, sha256, file_name, format, size_bytes, parsed, parser_meta, skills)
            VALUES (@id, @tenant, encode(sha256(@id::text::bytea), 'hex'), 'cv.pdf', 'pdf', 1, '{}', '{}', '{excel}');
            INSERT INTO resume_embeddings (resume_id, model, dimensions, embedding) VALUES (@id, @model, 1536, @v::real[]::vector)
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("tenant", tenant);
        cmd.Parameters.AddWithValue("model", Model);
        cmd.Parameters.AddWithValue("v", vector);
        await cmd.ExecuteNonQueryAsync();
    }

    static float[] Axis(int i)
    {
        var v = new float[EmbeddingSpace.Dimensions];
        v[i] = 1;
        v[2] = 0.1f; // not orthogonal to every other axis: distances differ, so the order is defined
        return v;
    }

    static NpgsqlDataSource VectorSource(string cs)
    {
        var b = new NpgsqlDataSourceBuilder(cs);
        b.UseVector();
        return b.Build();
    }

    static AtsDb Db(NpgsqlDataSource source)
    {
        var o = new DbContextOptionsBuilder<AtsDb>();
        AtsDb.Configure(o, source);
        return new AtsDb(o.Options);
    }

    static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
