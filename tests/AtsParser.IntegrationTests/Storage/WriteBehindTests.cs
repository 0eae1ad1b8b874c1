using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.Api.Caching;
using AtsParser.Api.Security;
using AtsParser.Api.Storage;
using AtsParser.Core.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace AtsParser.IntegrationTests.Storage;

/// <summary>A PostgreSQL of this class's own, which its tests stop and start again (each test has its own database in it).</summary>
public sealed class OutageFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public async Task InitializeAsync() => Postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Postgres.DisposeAsync();

    /// <summary>Stops the database; disposing starts it again (also when the test failed during the outage).</summary>
    public async Task<IAsyncDisposable> OutageAsync()
    {
        await Postgres.StopAsync("fast");
        return new Restart(Postgres);
    }

    sealed class Restart(PostgresServer postgres) : IAsyncDisposable
    {
        bool _done;

        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            _done = true;
            await postgres.StartAgainAsync();
        }
    }
}

/// <summary>
/// Write-behind (issue 12 item 15): while PostgreSQL is unreachable, stores wait in the Redis outbox under the id they
/// answered with, are readable by it, and are written exactly once when the database is back.
/// </summary>
public sealed class WriteBehindTests(OutageFixture fx) : IClassFixture<OutageFixture>
{
    const string KeyA = "outbox-tenant-a-5e1f", KeyB = "outbox-tenant-b-77c2";
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    /// <summary>Started (migrated) while the database is up: a service cannot start during the outage.</summary>
    async Task<StorageApiFactory> ApiAsync(RedisServer? redis = null, params (string, string?)[] settings)
    {
        var api = await StorageApiFactory.CreateAsync(postgres: fx.Postgres, redis: redis,
            settings: [("Outbox:PollIntervalMs", "100"), ("Jobs:WorkerEnabled", "false"), .. settings]);
        api.CreateClient().Dispose();
        return api;
    }

    [Fact(Timeout = 240_000)]
    public async Task A_store_during_a_database_outage_answers_200_is_readable_by_its_id_and_is_written_exactly_once_when_the_database_returns()
    {
        await using var api = await ApiAsync();
        var client = api.CreateClient();
        (await client.ParseAsync(SampleResumes.Accountant(), "?store=true")).Response.StatusCode.Should().Be(HttpStatusCode.OK);
        var nurse = SampleResumes.Nurse();

        Guid id;
        await using (await fx.OutageAsync())
        {
            var (stored, body) = await client.ParseAsync(nurse, "?store=true");
            var read = await client.GetAsync($"/api/v1/resumes/{(body.TryGetProperty("id", out var i) ? i.GetGuid() : Guid.Empty)}", _ct);
            var list = await client.GetAsync("/api/v1/resumes", _ct);

            stored.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
            id = body.GetProperty("id").GetGuid();
            stored.Headers.GetValues("X-Storage").Should().Equal("deferred");
            body.GetProperty("storage").GetString().Should().Be("deferred");
            read.StatusCode.Should().Be(HttpStatusCode.OK);
            var readBody = await read.JsonAsync();
            readBody.GetProperty("id").GetGuid().Should().Be(id);
            readBody.GetProperty("storage").GetString().Should().Be("deferred");
            readBody.GetProperty("resume").GetProperty("candidate").GetProperty("name").GetRawText().Should().Contain("Bruno Care");
            list.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "lists come from the database only");
        }

        var written = await WaitUntilWrittenAsync(client, id);
        var listed = await (await client.GetAsync("/api/v1/resumes?pageSize=100", _ct)).JsonAsync();
        var search = await client.PostAsJsonAsync("/api/v1/search", new { text = "Registered Nurse triage patient care", topK = 10 }, _ct);

        written.GetProperty("id").GetGuid().Should().Be(id);
        listed.GetProperty("total").GetInt32().Should().Be(2);
        listed.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("id").GetGuid() == id).Should().Be(1);
        search.StatusCode.Should().Be(HttpStatusCode.OK);
        (await search.JsonAsync()).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Contain(id);
        (await RowsAsync(api, written.GetProperty("document").GetProperty("sha256").GetString()!)).Should().Be(1);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_deferred_store_of_bytes_already_stored_leaves_both_ids_readable_and_one_row()
    {
        await using var api = await ApiAsync();
        var client = api.CreateClient();
        var bytes = SampleResumes.Text("Carla Twice", "Payroll Specialist", "Numbers Guild", "Lyon, France", "Payroll, Excel", 2014, 2023);
        var first = (await client.ParseAsync(bytes, "?store=true")).Body.GetProperty("id").GetGuid();

        Guid deferred;
        await using (await fx.OutageAsync())
        {
            var (stored, body) = await client.ParseAsync(bytes, "?store=true");
            stored.StatusCode.Should().Be(HttpStatusCode.OK, "the dedupe lookup cannot reach the database, so it counts as no match: {0}", body);
            deferred = body.GetProperty("id").GetGuid();
        }
        await WaitUntilWrittenAsync(client, deferred);

        deferred.Should().NotBe(first);
        (await client.GetAsync($"/api/v1/resumes/{first}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/resumes/{deferred}", _ct)).JsonAsync()).GetProperty("id").GetGuid().Should().Be(first, "the later id is an alias of the stored resume");
        (await (await client.GetAsync("/api/v1/resumes", _ct)).JsonAsync()).GetProperty("total").GetInt32().Should().Be(1);
        (await client.DeleteAsync($"/api/v1/resumes/{deferred}", _ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/resumes/{first}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound, "erasing by either id erases the resume");
    }

    [Fact(Timeout = 240_000)]
    public async Task Another_tenant_can_neither_read_nor_erase_a_deferred_resume()
    {
        var keys = $"{ApiKeyHandler.HashOf(KeyA)} tenant=acme scopes=*; {ApiKeyHandler.HashOf(KeyB)} tenant=globex scopes=*";
        await using var api = await ApiAsync(settings: ("Security:ApiKeys", keys));
        var a = Client(api, KeyA);
        var b = Client(api, KeyB);

        Guid id;
        HttpResponseMessage readByB, eraseByB, readByA;
        await using (await fx.OutageAsync())
        {
            var (stored, body) = await a.ParseAsync(SampleResumes.Nurse(), "?store=true");
            stored.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
            id = body.GetProperty("id").GetGuid();
            readByB = await b.GetAsync($"/api/v1/resumes/{id}", _ct);
            eraseByB = await b.DeleteAsync($"/api/v1/resumes/{id}", _ct);
            readByA = await a.GetAsync($"/api/v1/resumes/{id}", _ct);
        }
        await WaitUntilWrittenAsync(a, id);

        readByB.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "for another tenant the id is like any unknown id while the database is down");
        (await readByB.Content.ReadAsStringAsync(_ct)).Should().NotContain("Bruno");
        eraseByB.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        readByA.StatusCode.Should().Be(HttpStatusCode.OK);
        (await b.GetAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.GetAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK, "B's erase did not touch A's resume");
    }

    [Fact(Timeout = 240_000)]
    public async Task A_deferred_resume_erased_during_the_outage_is_never_written()
    {
        await using var api = await ApiAsync();
        var client = api.CreateClient();

        Guid erased, kept;
        await using (await fx.OutageAsync())
        {
            erased = (await client.ParseAsync(SampleResumes.Nurse(), "?store=true")).Body.GetProperty("id").GetGuid();
            kept = (await client.ParseAsync(SampleResumes.Accountant(), "?store=true")).Body.GetProperty("id").GetGuid();
            (await client.DeleteAsync($"/api/v1/resumes/{erased}", _ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await client.GetAsync($"/api/v1/resumes/{erased}", _ct)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        // Drained oldest first: once the later one is written, the erased one would have been too.
        await WaitUntilWrittenAsync(client, kept);

        (await client.GetAsync($"/api/v1/resumes/{erased}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await client.GetAsync("/api/v1/resumes", _ct)).JsonAsync()).GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact(Timeout = 240_000)]
    public async Task With_redis_down_too_a_store_answers_503_storage_unavailable_with_retry_after()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var api = await ApiAsync(redis);
        var client = api.CreateClient();
        (await client.ParseAsync(SampleResumes.Accountant(), "?store=true")).Response.StatusCode.Should().Be(HttpStatusCode.OK);

        await redis.StopAsync();
        await using (await fx.OutageAsync())
        {
            var (stored, body) = await client.ParseAsync(SampleResumes.Nurse(), "?store=true");

            stored.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            body.GetProperty("code").GetString().Should().Be("storage_unavailable");
            stored.Headers.RetryAfter!.Delta.Should().BePositive();
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task A_store_during_a_database_outage_answers_503_once_the_outbox_is_full()
    {
        await using var api = await ApiAsync(settings: ("Outbox:MaxEntries", "1"));
        var client = api.CreateClient();

        await using (await fx.OutageAsync())
        {
            var (first, _) = await client.ParseAsync(SampleResumes.Nurse(), "?store=true");
            var (second, body) = await client.ParseAsync(SampleResumes.Accountant(), "?store=true");

            first.StatusCode.Should().Be(HttpStatusCode.OK);
            second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            body.GetProperty("code").GetString().Should().Be("storage_unavailable");
            body.GetProperty("detail").GetString().Should().Contain("outbox is full");
            second.Headers.RetryAfter!.Delta.Should().BePositive();
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task Replaying_a_deferred_store_writes_one_row_under_its_id_and_nothing_twice()
    {
        await using var api = await ApiAsync();
        var (_, body) = await api.CreateClient().ParseAsync(SampleResumes.Nurse());
        var json = api.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var parsed = new ParseOutcome(body.Deserialize<ParseResult>(json)!, "", CacheHit: false);
        var deferred = new DeferredWrite(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Replace: true);

        Guid first, second;
        using (var scope = api.Services.CreateScope()) first = await scope.ServiceProvider.GetRequiredService<ResumeStore>().SaveAsync(Tenancy.DefaultTenant, parsed, _ct, deferred);
        using (var scope = api.Services.CreateScope()) second = await scope.ServiceProvider.GetRequiredService<ResumeStore>().SaveAsync(Tenancy.DefaultTenant, parsed, _ct, deferred);

        first.Should().Be(deferred.Id);
        second.Should().Be(deferred.Id);
        (await RowsAsync(api, parsed.Result.Document.Sha256)).Should().Be(1);
        (await JobsScalar(api, "SELECT count(*) FROM resume_aliases")).Should().Be(0, "the replay found its own row, not another one");
        (await api.CreateClient().GetAsync($"/api/v1/resumes/{deferred.Id}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    static Task<long> JobsScalar(StorageApiFactory api, string sql) => Jobs.JobsHost.Scalar(api.DatabaseConnectionString, sql);

    static HttpClient Client(StorageApiFactory api, string key)
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Add("X-API-Key", key);
        return c;
    }

    /// <summary>Reads the resume until it comes from the database (no "storage": "deferred"); fails the test if that never happens.</summary>
    async Task<JsonElement> WaitUntilWrittenAsync(HttpClient client, Guid id)
    {
        while (true)
        {
            _ct.ThrowIfCancellationRequested();
            var r = await client.GetAsync($"/api/v1/resumes/{id}", _ct);
            if (r.StatusCode == HttpStatusCode.OK && await r.JsonAsync() is var body && !body.TryGetProperty("storage", out _)) return body;
            await Task.Delay(200, _ct);
        }
    }

    static async Task<long> RowsAsync(StorageApiFactory api, string sha256)
    {
        await using var conn = new NpgsqlConnection(api.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM resumes WHERE sha256 = @sha", conn);
        cmd.Parameters.AddWithValue("sha", sha256);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
