using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.Api.Security;
using AtsParser.IntegrationTests.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Security;

/// <summary>Two tenants on one service (API_KEYS), plus narrow keys and tenant-carrying JWTs.</summary>
public sealed class TenantsFixture : IAsyncLifetime
{
    public const string KeyA = "tenant-a-key-7d1e", KeyB = "tenant-b-key-93fa", MetricsOnly = "scrape-key-51c0", ParseOnly = "parse-key-2b77", ReadOnlyB = "reader-b-4410";
    public const string Secret = "a-jwt-signing-secret-of-at-least-32-chars", Issuer = "https://auth.example.test", Audience = "atsparser";

    public StorageApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var keys = string.Join("; ",
            $"{ApiKeyHandler.HashOf(KeyA)} tenant=acme scopes=*",
            $"{ApiKeyHandler.HashOf(KeyB)} tenant=globex scopes=parse,resumes:read,resumes:write,jobs,search",
            $"{ApiKeyHandler.HashOf(MetricsOnly)} tenant=acme scopes=metrics",
            $"{ApiKeyHandler.HashOf(ParseOnly)} tenant=acme scopes=parse",
            $"{ApiKeyHandler.HashOf(ReadOnlyB)} tenant=globex scopes=resumes:read");
        Api = await StorageApiFactory.CreateAsync(settings:
        [
            ("Security:ApiKeys", keys), ("Security:JwtSecret", Secret), ("Security:JwtIssuer", Issuer), ("Security:JwtAudience", Audience),
            ("Jobs:PollIntervalMs", "100"),
        ]);
    }

    public HttpClient Client(string key)
    {
        var c = Api.CreateClient();
        c.DefaultRequestHeaders.Add("X-API-Key", key);
        return c;
    }

    public HttpClient Bearer(string? tenant, string? scope)
    {
        var c = Api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwt.Create(Secret, Issuer, Audience, tenant: tenant, scope: scope));
        return c;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

public class TenancyTests(TenantsFixture fx) : IClassFixture<TenantsFixture>
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    static byte[] Resume(string name) => SampleResumes.Text(name, "Senior Accountant", "Ledger Works", "Berlin, Germany", "IFRS, SAP, Excel", 2012, 2022);

    async Task<Guid> Store(HttpClient client, byte[] bytes)
    {
        var (r, body) = await client.ParseAsync(bytes, "?store=true");
        r.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    static async Task<string> Code(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    [Fact]
    public async Task A_tenant_cannot_correct_or_read_the_corrections_of_another_tenants_resume()
    {
        var a = fx.Client(TenantsFixture.KeyA);
        var b = fx.Client(TenantsFixture.KeyB);
        var id = await Store(a, Resume("Corrina Acme"));
        var patch = new StringContent("""[{"op":"add","path":"/resume/candidate/emails/-","value":"x@example.test"}]""",
            System.Text.Encoding.UTF8, "application/json-patch+json");

        var foreign = await b.PatchAsync($"/api/v1/resumes/{id}", patch, _ct);
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await b.GetAsync($"/api/v1/resumes/{id}/corrections", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var own = await a.PatchAsync($"/api/v1/resumes/{id}", patch, _ct);
        own.StatusCode.Should().Be(HttpStatusCode.OK, await own.Content.ReadAsStringAsync(_ct));
        var readOnly = await fx.Client(TenantsFixture.ReadOnlyB).PatchAsync($"/api/v1/resumes/{id}", patch, _ct);
        readOnly.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_tenant_cannot_read_list_search_or_delete_another_tenants_resume()
    {
        var a = fx.Client(TenantsFixture.KeyA);
        var b = fx.Client(TenantsFixture.KeyB);
        var id = await Store(a, Resume("Alma Acme"));

        var get = await b.GetAsync($"/api/v1/resumes/{id}", _ct);
        get.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Code(get)).Should().Be("resume_not_found");
        var list = await (await b.GetAsync("/api/v1/resumes?pageSize=100", _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().NotContain(id);
        var search = await b.PostAsJsonAsync("/api/v1/search", new { text = "senior accountant IFRS SAP Berlin", topK = 100 }, _ct);
        search.StatusCode.Should().Be(HttpStatusCode.OK);
        (await search.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("results").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).Should().NotContain(id);
        (await b.DeleteAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await a.GetAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK, "the owner still has it");
        var own = await a.PostAsJsonAsync("/api/v1/search", new { text = "senior accountant IFRS SAP Berlin", topK = 100 }, _ct);
        (await own.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("results").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).Should().Contain(id);
        var ownList = await (await a.GetAsync("/api/v1/resumes?pageSize=100", _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        ownList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(id);
    }

    [Fact]
    public async Task Dedupe_is_per_tenant_so_storing_the_same_bytes_never_returns_another_tenants_id()
    {
        var bytes = Resume("Dora Dupe");
        var idA = await Store(fx.Client(TenantsFixture.KeyA), bytes);

        var idB = await Store(fx.Client(TenantsFixture.KeyB), bytes);
        var againB = await Store(fx.Client(TenantsFixture.KeyB), bytes);

        idB.Should().NotBe(idA);
        againB.Should().Be(idB, "within a tenant the same bytes still dedupe");
        (await fx.Client(TenantsFixture.KeyB).DeleteAsync($"/api/v1/resumes/{idB}", _ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await fx.Client(TenantsFixture.KeyA).GetAsync($"/api/v1/resumes/{idA}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK, "B's erase does not touch A's copy");
    }

    [Fact]
    public async Task A_tenant_cannot_see_cancel_requeue_or_replay_another_tenants_job()
    {
        var a = fx.Client(TenantsFixture.KeyA);
        var b = fx.Client(TenantsFixture.KeyB);
        using var submitA = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = ApiFactory.Form("files", ("cv.txt", Resume("Jo Jobs"))) };
        submitA.Headers.Add("Idempotency-Key", "shared-key-1");
        var accepted = await a.SendAsync(submitA, _ct);
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var job = (await accepted.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();

        foreach (var (method, path) in new[] { ("GET", $"/api/v1/jobs/{job}"), ("GET", $"/api/v1/jobs/{job}/results"), ("GET", $"/api/v1/jobs/{job}/results?format=jsonl"),
                     ("DELETE", $"/api/v1/jobs/{job}"), ("POST", $"/api/v1/jobs/{job}/requeue") })
        {
            var r = await b.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), _ct);
            r.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {path}");
            (await Code(r)).Should().Be("job_not_found");
        }
        using var submitB = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = ApiFactory.Form("files", ("cv.txt", Resume("Bo Jobs"))) };
        submitB.Headers.Add("Idempotency-Key", "shared-key-1");
        var replay = await b.SendAsync(submitB, _ct);
        (await replay.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid().Should().NotBe(job, "an idempotency key is per tenant");

        (await a.GetAsync($"/api/v1/jobs/{job}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_job_that_stores_stores_into_its_submitters_tenant()
    {
        var a = fx.Client(TenantsFixture.KeyA);
        var accepted = await a.PostAsync("/api/v1/jobs?store=true", ApiFactory.Form("files", ("cv.txt", Resume("Stella Store"))), _ct);
        var job = (await accepted.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetGuid();
        JsonElement page;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(300, _ct);
            page = await (await a.GetAsync($"/api/v1/jobs/{job}/results", _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        } while (page.GetProperty("items").GetArrayLength() == 0 && DateTime.UtcNow < deadline);
        var id = page.GetProperty("items")[0].GetProperty("result").GetProperty("id").GetGuid();

        (await a.GetAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await fx.Client(TenantsFixture.KeyB).GetAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/metrics", 200)]
    [InlineData("GET", "/api/v1/resumes", 403)]
    [InlineData("GET", "/startup-status", 403)]
    [InlineData("GET", "/openapi/v1.json", 403)]
    [InlineData("POST", "/api/v1/search", 403)]
    [InlineData("POST", "/api/v1/parse", 403)]
    [InlineData("POST", "/api/v1/jobs", 403)]
    public async Task A_metrics_only_key_can_scrape_and_nothing_else(string method, string path, int status)
    {
        var r = await fx.Client(TenantsFixture.MetricsOnly).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), _ct);

        ((int)r.StatusCode).Should().Be(status);
        if (status == 403) (await Code(r)).Should().Be("forbidden");
    }

    [Fact]
    public async Task A_tenant_without_the_metrics_scope_cannot_scrape()
    {
        var r = await fx.Client(TenantsFixture.KeyB).GetAsync("/metrics", _ct);

        r.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await r.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("detail").GetString().Should().Contain("'metrics'");
    }

    [Fact]
    public async Task A_parse_only_key_parses_but_cannot_store()
    {
        var parse = fx.Client(TenantsFixture.ParseOnly);

        (await parse.ParseAsync(Resume("Pia Parse"))).Response.StatusCode.Should().Be(HttpStatusCode.OK);
        var (stored, body) = await parse.ParseAsync(Resume("Pia Parse"), "?store=true");
        stored.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        body.GetProperty("code").GetString().Should().Be("forbidden");
        body.GetProperty("detail").GetString().Should().Contain("resumes:write");
        (await parse.PostAsync("/api/v1/bulk-parse-resumes?store=true", ApiFactory.Form("files", ("a.txt", Resume("Pia Parse"))), _ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_read_only_key_cannot_delete()
    {
        var id = await Store(fx.Client(TenantsFixture.KeyB), Resume("Rita Reader"));
        var reader = fx.Client(TenantsFixture.ReadOnlyB);

        (await reader.GetAsync($"/api/v1/resumes/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var delete = await reader.DeleteAsync($"/api/v1/resumes/{id}", _ct);
        delete.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Code(delete)).Should().Be("forbidden");
    }

    [Fact]
    public async Task A_jwt_reads_only_its_tenant_claims_data_within_its_scopes()
    {
        var idA = await Store(fx.Client(TenantsFixture.KeyA), Resume("Jana Token"));
        var idB = await Store(fx.Client(TenantsFixture.KeyB), Resume("Jens Token"));
        var globexReader = fx.Bearer("globex", "resumes:read");

        (await globexReader.GetAsync($"/api/v1/resumes/{idB}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await globexReader.GetAsync($"/api/v1/resumes/{idA}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await globexReader.DeleteAsync($"/api/v1/resumes/{idB}", _ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fx.Bearer("acme", null).GetAsync($"/api/v1/resumes/{idA}", _ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a token without scopes may do nothing");
        (await fx.Bearer(null, Jwt.AllScopes).GetAsync($"/api/v1/resumes/{idA}", _ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token must name its tenant");
    }
}

public class AuthRateLimitTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/health")]
    [InlineData("/api/v1/resumes")]
    public async Task Failed_authentication_counts_against_the_rate_limit_on_every_path(string path)
    {
        await using var api = new ApiFactory().With("Security:ApiKeyHashes", ApiKeyHandler.HashOf("the-real-key")).With("Security:RateLimitPerMinute", "3");
        var guesser = api.CreateClient();
        guesser.DefaultRequestHeaders.Add("X-API-Key", "a-guess");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await guesser.GetAsync(path, _ct)).StatusCode);

        statuses.Should().Contain(HttpStatusCode.TooManyRequests);
        statuses.Take(3).Should().NotContain(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Anonymous_health_probes_are_still_never_limited()
    {
        await using var api = new ApiFactory().With("Security:ApiKeyHashes", ApiKeyHandler.HashOf("the-real-key")).With("Security:RateLimitPerMinute", "3");
        var probe = api.CreateClient();

        for (var i = 0; i < 6; i++) (await probe.GetAsync("/health", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
