using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Npgsql;
using AtsParser.IntegrationTests.Support;

namespace AtsParser.IntegrationTests.Storage;

public sealed class ResumeStorageTests(StorageFixture fx) : IClassFixture<StorageFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task A_stored_resume_comes_back_by_id_and_in_the_list()
    {
        var (response, body) = await fx.Client.ParseAsync(SampleResumes.Accountant(), "?store=true");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = body.GetProperty("id").GetGuid();
        var stored = await fx.Client.GetFromJsonAsync<JsonElement>($"/api/v1/resumes/{id}");
        stored.GetProperty("id").GetGuid().Should().Be(id);
        stored.GetProperty("document").GetProperty("sha256").GetString().Should().Be(body.GetProperty("document").GetProperty("sha256").GetString());
        var list = await fx.Client.GetFromJsonAsync<JsonElement>("/api/v1/resumes?pageSize=100");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(id);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_list_filters_by_skill_title_location_and_experience()
    {
        var accountant = (await fx.Client.ParseAsync(SampleResumes.Accountant(), "?store=true")).Body.GetProperty("id").GetGuid();
        var nurse = (await fx.Client.ParseAsync(SampleResumes.Nurse(), "?store=true")).Body.GetProperty("id").GetGuid();

        async Task<List<Guid>> Ids(string query) => (await fx.Client.GetFromJsonAsync<JsonElement>("/api/v1/resumes?pageSize=100&" + query))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        (await Ids("skill=python")).Should().Contain(accountant).And.NotContain(nurse);
        (await Ids("skill=Java")).Should().Contain(nurse).And.NotContain(accountant);
        (await Ids("title=accountant")).Should().Contain(accountant).And.NotContain(nurse);
        (await Ids("location=madrid")).Should().Contain(nurse).And.NotContain(accountant);
        (await Ids("minExperienceMonths=60")).Should().Contain(accountant).And.NotContain(nurse);
    }

    [Fact(Timeout = 120_000)]
    public async Task Storing_the_same_bytes_again_returns_the_same_id_unless_forced()
    {
        var bytes = SampleResumes.Nurse();
        var first = await fx.Client.ParseAsync(bytes, "?store=true");
        var again = await fx.Client.ParseAsync(bytes, "?store=true", fileName: "renamed.txt");
        var forced = await fx.Client.ParseAsync(bytes, "?store=true&force=true");

        var id = first.Body.GetProperty("id").GetGuid();
        again.Body.GetProperty("id").GetGuid().Should().Be(id);
        again.Response.CacheHeader().Should().Be("hit");
        again.Body.GetProperty("document").GetProperty("fileName").GetString().Should().Be("resume.txt", "a duplicate returns the stored result");
        forced.Response.CacheHeader().Should().Be("miss");
        forced.Body.GetProperty("id").GetGuid().Should().Be(id, "force re-parses and replaces the same row");
        (await Count("SELECT count(*) FROM resumes WHERE sha256 = @sha", first.Body.GetProperty("document").GetProperty("sha256").GetString()!)).Should().Be(1);
    }

    [Fact(Timeout = 120_000)]
    public async Task Delete_erases_the_rows_the_vectors_and_the_cache_so_a_reparse_is_a_miss()
    {
        var bytes = SampleResumes.Accountant();
        var stored = await fx.Client.ParseAsync(bytes, "?store=true");
        var id = stored.Body.GetProperty("id").GetGuid();
        var sha = stored.Body.GetProperty("document").GetProperty("sha256").GetString()!;
        (await fx.Client.ParseAsync(bytes)).Response.CacheHeader().Should().Be("hit");
        (await Count("SELECT count(*) FROM resume_embeddings WHERE resume_id = @id", id)).Should().Be(1);

        var delete = await fx.Client.DeleteAsync($"/api/v1/resumes/{id}");

        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await fx.Client.GetAsync($"/api/v1/resumes/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Count("SELECT count(*) FROM resumes WHERE id = @id", id)).Should().Be(0);
        (await Count("SELECT count(*) FROM resume_embeddings WHERE resume_id = @id", id)).Should().Be(0);
        (await Count("SELECT count(*) FROM resume_texts WHERE resume_id = @id", id)).Should().Be(0);
        using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Api.Caching.RedisUrl.ToConfiguration(fx.Api.RedisUrl!)))
            (await redis.GetDatabase().KeyExistsAsync($"{fx.Api.KeyPrefix}:parse:{sha}")).Should().BeFalse();
        (await fx.Client.ParseAsync(bytes)).Response.CacheHeader().Should().Be("miss");
        (await fx.Client.DeleteAsync($"/api/v1/resumes/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact(Timeout = 180_000)]
    public async Task Kept_text_is_replaced_by_a_forced_store_and_removed_by_a_service_that_does_not_keep_text()
    {
        await using var keeping = await StorageApiFactory.CreateAsync(settings: ("Storage:StoreText", "true"));
        using var keepingClient = keeping.CreateClient();
        var bytes = SampleResumes.Nurse();
        var id = (await keepingClient.ParseAsync(bytes, "?store=true")).Body.GetProperty("id").GetGuid();
        (await Texts(keeping.DatabaseConnectionString, id)).Should().ContainSingle().Which.Should().Contain("Registered Nurse");

        var forced = await keepingClient.ParseAsync(bytes, "?store=true&force=true");
        forced.Body.GetProperty("id").GetGuid().Should().Be(id);
        (await Texts(keeping.DatabaseConnectionString, id)).Should().ContainSingle().Which.Should().Contain("Registered Nurse");

        // The same database, a service that does not keep text: a forced store removes the text and keeps the vector.
        await using var plain = await StorageApiFactory.CreateAsync(settings: ("Storage:StoreText", "false"));
        plain.Set("Storage:ConnectionString", keeping.DatabaseConnectionString);
        using var plainClient = plain.CreateClient();
        (await plainClient.ParseAsync(bytes, "?store=true&force=true")).Body.GetProperty("id").GetGuid().Should().Be(id);
        (await Texts(keeping.DatabaseConnectionString, id)).Should().BeEmpty();
        await using var conn = new NpgsqlConnection(keeping.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM resume_embeddings WHERE resume_id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        ((long)(await cmd.ExecuteScalarAsync())!).Should().Be(1);
    }

    static async Task<List<string>> Texts(string connectionString, Guid id)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT text FROM resume_texts WHERE resume_id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        var texts = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }

    async Task<long> Count(string sql, object value)
    {
        await using var conn = new NpgsqlConnection(fx.Api.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue(sql.Contains("@sha") ? "sha" : "id", value);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
