using System.Data.Common;
using AtsParser.Api.Search;
using AtsParser.Api.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace AtsParser.IntegrationTests.Storage;

/// <summary>The lookup by id or alias behind GET and DELETE /api/v1/resumes/{id}.</summary>
public sealed class ResumeByIdTests
{
    [Fact(Timeout = 120_000)]
    public async Task Finding_a_resume_by_its_alias_looks_it_up_on_the_primary_key_instead_of_scanning_the_table()
    {
        var cs = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("byid");
        await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(cs, CancellationToken.None);
        var (target, alias) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync();
            // Enough rows of one tenant that a scan costs more than two index lookups, and statistics that say so.
            await using var fill = new NpgsqlCommand("""
                INSERT INTO resumes (id, tenant, sha256, file_name, format, size_bytes, parsed, parser_meta)
                SELECT gen_random_uuid(), 'acme', encode(sha256(g::text::bytea), 'hex'), 'cv.pdf', 'pdf', 1, '{}', '{}' FROM generate_series(1, 3000) g;
                INSERT INTO resumes (id, tenant, sha256, file_name, format, size_bytes, parsed, parser_meta)
                VALUES (@target, 'acme', encode(sha256('target'::bytea), 'hex'), 'cv.pdf', 'pdf', 1, '{}', '{}');
                INSERT INTO resume_aliases (id, resume_id) VALUES (@alias, @target);
                ANALYZE resumes; ANALYZE resume_aliases;
                """, conn);
            fill.Parameters.AddWithValue("target", target);
            fill.Parameters.AddWithValue("alias", alias);
            await fill.ExecuteNonQueryAsync();
        }
        var lookups = new LastQuery();
        await using var source = NpgsqlDataSource.Create(cs);
        var options = new DbContextOptionsBuilder<AtsDb>();
        AtsDb.Configure(options, source);
        await using var db = new AtsDb(options.AddInterceptors(lookups).Options);
        var store = new ResumeStore(db, new LexicalEmbedder(), Options.Create(new StorageOptions()), Options.Create(new JsonOptions()), NullLogger<ResumeStore>.Instance);

        (await store.DeleteAsync("globex", alias, CancellationToken.None)).Should().BeNull("another tenant's alias finds nothing");
        var erased = await store.DeleteAsync("acme", alias, CancellationToken.None);

        erased.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("target"u8)), "the alias leads to the resume it names");
        var plan = await ExplainAsync(cs, lookups.Command!.Value);
        plan.Should().Contain("resumes_pkey").And.NotContain("Seq Scan on resumes");
    }

    static async Task<string> ExplainAsync(string cs, (string Sql, NpgsqlParameter[] Parameters) query)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + query.Sql, conn);
        cmd.Parameters.AddRange(query.Parameters);
        var lines = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) lines.Add(r.GetString(0));
        return string.Join('\n', lines);
    }

    /// <summary>The last query that read rows: the lookup (the delete after it reads none).</summary>
    sealed class LastQuery : DbCommandInterceptor
    {
        public (string Sql, NpgsqlParameter[] Parameters)? Command { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Command = (command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray());
            return ValueTask.FromResult(result);
        }
    }
}
