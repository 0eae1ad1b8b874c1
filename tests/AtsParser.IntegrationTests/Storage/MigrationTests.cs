using AtsParser.Api.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace AtsParser.IntegrationTests.Storage;

public sealed class MigrationTests
{
    readonly Migrator _migrator = new(NullLogger<Migrator>.Instance);

    [Fact(Timeout = 120_000)]
    public async Task Migrating_twice_applies_every_file_once_and_then_nothing()
    {
        var db = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("mig");

        var first = await _migrator.MigrateAsync(db, CancellationToken.None);
        var second = await _migrator.MigrateAsync(db, CancellationToken.None);

        first.Should().Equal(Migrator.All);
        second.Should().BeEmpty();
        (await Scalar(db, "SELECT count(*) FROM schema_migrations")).Should().Be(Migrator.Embedded.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task Two_migrators_starting_at_once_both_succeed_and_apply_each_file_once()
    {
        var db = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("mig");

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _migrator.MigrateAsync(db, CancellationToken.None))));

        runs.SelectMany(r => r).Should().Equal(Migrator.All, "the second migrator waits for the lock, then finds nothing to do");
        (await Scalar(db, "SELECT count(*) FROM schema_migrations")).Should().Be(Migrator.Embedded.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_migration_rolls_back_its_whole_file_and_is_not_recorded()
    {
        var db = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("mig");
        var bad = new Migration("9999_bad", "CREATE TABLE half_done (id int); SELECT 1 / 0;");

        var act = () => _migrator.MigrateAsync(db, [.. Migrator.Embedded, bad], CancellationToken.None);

        await act.Should().ThrowAsync<PostgresException>();
        (await Scalar(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'")).Should().Be(0);
        (await Scalar(db, "SELECT count(*) FROM schema_migrations WHERE version = '9999_bad'")).Should().Be(0);
        (await Scalar(db, "SELECT count(*) FROM schema_migrations")).Should().Be(Migrator.Embedded.Count, "earlier files stay applied");
    }

    [Fact(Timeout = 120_000)]
    public async Task An_applied_migration_that_was_edited_is_refused()
    {
        var db = await (await TestServers.PostgresAsync()).CreateDatabaseAsync("mig");
        await _migrator.MigrateAsync(db, CancellationToken.None);
        var edited = Migrator.Embedded.Select((m, i) => i == 0 ? new Migration(m.Version, m.Sql + "\n-- edited") : m).ToList();

        var act = () => _migrator.MigrateAsync(db, edited, CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*changed after it was applied*");
    }

    static async Task<long> Scalar(string db, string sql)
    {
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
