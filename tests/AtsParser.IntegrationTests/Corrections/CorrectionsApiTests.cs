using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.IntegrationTests.Storage;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace AtsParser.IntegrationTests.Corrections;

/// <summary>PATCH /api/v1/resumes/{id} and GET /api/v1/corrections/export through HTTP against a real PostgreSQL.</summary>
public sealed class CorrectionsApiTests(StorageFixture fx) : IClassFixture<StorageFixture>
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    async Task<(Guid Id, string Sha)> StoreAsync(byte[]? bytes = null, string fileName = "resume.txt")
    {
        var (response, body) = await fx.Client.ParseAsync(bytes ?? SampleResumes.Accountant(), "?store=true", fileName);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("document").GetProperty("sha256").GetString()!);
    }

    async Task<HttpResponseMessage> PatchAsync(Guid id, string patch, string contentType = "application/json-patch+json", string? reviewer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/resumes/{id}") { Content = new StringContent(patch, Encoding.UTF8, contentType) };
        if (reviewer is not null) request.Headers.Add("X-Reviewer", reviewer);
        return await fx.Client.SendAsync(request);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_correction_is_stored_beside_the_original_with_who_when_and_before_and_after()
    {
        var (id, _) = await StoreAsync();

        var response = await PatchAsync(id, """
            [{"op":"replace","path":"/resume/candidate/name/raw","value":"Anna M. Ledger"},
             {"op":"add","path":"/resume/candidate/emails/-","value":"anna.work@example.org"}]
            """, reviewer: "Rita Reviewer");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var history = await response.JsonAsync();
        var correction = history.GetProperty("corrections").EnumerateArray().Single();
        correction.GetProperty("reviewer").GetString().Should().Be("Rita Reviewer");
        correction.GetProperty("caller").GetString().Should().Be("anonymous", "auth is off in this fixture");
        correction.GetProperty("createdAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        var ops = correction.GetProperty("operations").EnumerateArray().ToList();
        ops[0].GetProperty("before").GetString().Should().Be("Anna Ledger");
        ops[0].GetProperty("after").GetString().Should().Be("Anna M. Ledger");
        ops[1].GetProperty("after").GetString().Should().Be("anna.work@example.org");
        var corrected = history.GetProperty("corrected").GetProperty("resume").GetProperty("candidate");
        corrected.GetProperty("name").GetProperty("raw").GetString().Should().Be("Anna M. Ledger");
        corrected.GetProperty("emails").EnumerateArray().Select(e => e.GetString()).Should().Equal("anna@example.com", "anna.work@example.org");

        var original = await fx.Client.GetFromJsonAsync<JsonElement>($"/api/v1/resumes/{id}");
        original.GetProperty("resume").GetProperty("candidate").GetProperty("name").GetProperty("raw").GetString()
            .Should().Be("Anna Ledger", "the original parse is never overwritten");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_second_correction_builds_on_the_first_and_the_history_keeps_both()
    {
        var (id, _) = await StoreAsync(SampleResumes.Nurse());
        (await PatchAsync(id, """[{"op":"replace","path":"/resume/workExperience/0/title","value":"Staff Nurse"}]""")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PatchAsync(id, """[{"op":"test","path":"/resume/workExperience/0/title","value":"Staff Nurse"},{"op":"replace","path":"/resume/workExperience/0/title","value":"Charge Nurse"}]"""))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var history = await fx.Client.GetFromJsonAsync<JsonElement>($"/api/v1/resumes/{id}/corrections");
        var entries = history.GetProperty("corrections").EnumerateArray().ToList();
        entries.Should().HaveCount(2);
        entries[1].GetProperty("operations")[0].GetProperty("before").GetString().Should().Be("Staff Nurse");
        history.GetProperty("corrected").GetProperty("resume").GetProperty("workExperience")[0].GetProperty("title").GetString().Should().Be("Charge Nurse");
        history.GetProperty("corrected").GetProperty("id").GetGuid().Should().Be(id);
    }

    [Fact(Timeout = 120_000)]
    public async Task Exported_keys_follow_the_corpus_format_and_the_evaluator_scores_the_correction_as_a_perfect_match()
    {
        var (id, sha) = await StoreAsync(SampleResumes.Text("Carla Export", "Data Analyst", "Metrics Ltd", "Lisbon, Portugal", "SQL, Tableau"), "carla.txt");
        (await PatchAsync(id, """
            [{"op":"replace","path":"/resume/workExperience/0/employer","value":"Metrics Limited"},
             {"op":"add","path":"/resume/certifications/-","value":{"name":"Certified Analyst"}}]
            """)).StatusCode.Should().Be(HttpStatusCode.OK);

        var export = await fx.Client.GetAsync("/api/v1/corrections/export");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await export.Content.ReadAsStringAsync();
        var key = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("sha256").GetString() == sha);
        key.EnumerateObject().Select(p => p.Name).Should().Equal("file", "sha256", "text_tool", "language", "layout", "name", "emails", "phones",
            "location", "links", "experience", "education", "skills", "certifications", "languages", "notes");
        key.GetProperty("file").GetString().Should().Be("carla.txt");
        key.GetProperty("experience")[0].GetProperty("company").GetString().Should().Be("Metrics Limited");
        key.GetProperty("certifications").EnumerateArray().Select(c => c.GetString()).Should().Contain("Certified Analyst");

        var truth = JsonSerializer.Deserialize<TruthKey>(key.GetRawText(), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var corrected = (await fx.Client.GetFromJsonAsync<JsonElement>($"/api/v1/resumes/{id}/corrections")).GetProperty("corrected").GetProperty("resume");
        var evaluator = new Evaluator();
        evaluator.Score(truth, corrected.Deserialize<Resume>(Web)!);
        evaluator.Mismatches.Should().BeEmpty("a corrected resume matches its own exported key");
        evaluator.Exact[EvalFields.Employers].TruePositives.Should().Be(1);

        var zip = await fx.Client.GetByteArrayAsync("/api/v1/corrections/export?format=zip");
        using var archive = new ZipArchive(new MemoryStream(zip));
        archive.Entries.Select(e => e.FullName).Should().Contain("truth/carla.txt.json");
    }

    [Fact(Timeout = 120_000)]
    public async Task Bad_patches_answer_problem_details_with_a_code_and_store_nothing()
    {
        var (id, _) = await StoreAsync(SampleResumes.Text("Dora Broken", "Welder", "Steel AG", "Graz, Austria", "Welding"));
        var cases = new (string Patch, string ContentType, HttpStatusCode Status, string Code)[]
        {
            ("{\"op\":\"replace\"}", "application/json-patch+json", HttpStatusCode.BadRequest, "invalid_patch"),
            ("not json", "application/json-patch+json", HttpStatusCode.BadRequest, "invalid_patch"),
            ("""[{"op":"replace","path":"/document/fileName","value":"x"}]""", "application/json-patch+json", HttpStatusCode.BadRequest, "patch_path_forbidden"),
            ("""[{"op":"replace","path":"/resume/meta/parser","value":"human"}]""", "application/json-patch+json", HttpStatusCode.BadRequest, "patch_path_forbidden"),
            ("""[{"op":"replace","path":"/resume/workExperience/7/title","value":"x"}]""", "application/json-patch+json", HttpStatusCode.UnprocessableEntity, "patch_path_not_found"),
            ("""[{"op":"replace","path":"/resume/candidate/emails","value":42}]""", "application/json-patch+json", HttpStatusCode.UnprocessableEntity, "invalid_correction"),
            ("""[{"op":"add","path":"/resume/candidate/nickname","value":"D"}]""", "application/json-patch+json", HttpStatusCode.UnprocessableEntity, "invalid_correction"),
            ("""[{"op":"replace","path":"/resume/summary","value":"x"},{"op":"test","path":"/resume/workExperience/0/title","value":"Astronaut"}]""", "application/json-patch+json", HttpStatusCode.Conflict, "patch_test_failed"),
            ("""[{"op":"replace","path":"/resume/summary","value":"x"}]""", "text/plain", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"),
        };
        foreach (var (patch, type, status, code) in cases)
        {
            var response = await PatchAsync(id, patch, type);
            response.StatusCode.Should().Be(status, patch);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.JsonAsync()).GetProperty("code").GetString().Should().Be(code, patch);
        }
        (await Count("SELECT count(*) FROM resume_corrections WHERE resume_id = @id", id)).Should().Be(0, "a failed patch changes nothing");

        var unknown = await PatchAsync(Guid.NewGuid(), """[{"op":"replace","path":"/resume/summary","value":"x"}]""");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.JsonAsync()).GetProperty("code").GetString().Should().Be("resume_not_found");
        var badFormat = await fx.Client.GetAsync("/api/v1/corrections/export?format=xml");
        (await badFormat.JsonAsync()).GetProperty("code").GetString().Should().Be("invalid_export_format");
    }

    [Fact(Timeout = 120_000)]
    public async Task Erasing_a_resume_erases_its_corrections_and_removes_it_from_the_export()
    {
        var (id, sha) = await StoreAsync(SampleResumes.Text("Emil Gone", "Baker", "Bread Co", "Oslo, Norway", "Baking"));
        (await PatchAsync(id, """[{"op":"replace","path":"/resume/summary","value":"Baker."}]""")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await fx.Client.DeleteAsync($"/api/v1/resumes/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Count("SELECT count(*) FROM resume_corrections WHERE resume_id = @id", id)).Should().Be(0);
        var keys = await fx.Client.GetFromJsonAsync<JsonElement>("/api/v1/corrections/export");
        keys.EnumerateArray().Select(k => k.GetProperty("sha256").GetString()).Should().NotContain(sha);
        (await fx.Client.GetAsync($"/api/v1/resumes/{id}/corrections")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    async Task<long> Count(string sql, Guid id)
    {
        await using var conn = new NpgsqlConnection(fx.Api.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
