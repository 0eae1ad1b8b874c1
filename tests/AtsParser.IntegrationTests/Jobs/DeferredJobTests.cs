using System.Net;
using System.Text.Json;
using AtsParser.Api.Security;
using AtsParser.IntegrationTests.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Jobs;

/// <summary>
/// Write-behind for job submissions (issue 12 item 15): while PostgreSQL is unreachable a submission waits in the Redis
/// outbox under the id it was accepted with, reads "queued", and becomes a job with that id, once, when the database is back.
/// </summary>
public sealed class DeferredJobTests(OutageFixture fx) : IClassFixture<OutageFixture>
{
    const string KeyA = "jobs-outbox-a-31d9", KeyB = "jobs-outbox-b-c04e";
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    async Task<StorageApiFactory> ApiAsync(params (string, string?)[] settings)
    {
        var keys = $"{ApiKeyHandler.HashOf(KeyA)} tenant=acme scopes=*; {ApiKeyHandler.HashOf(KeyB)} tenant=globex scopes=*";
        var api = await StorageApiFactory.CreateAsync(postgres: fx.Postgres, settings:
        [
            ("Security:ApiKeys", keys), ("Outbox:PollIntervalMs", "100"), ("Jobs:PollIntervalMs", "100"), ("Jobs:LeaseSeconds", "5"), .. settings,
        ]);
        api.CreateClient().Dispose(); // started and migrated while the database is up
        return api;
    }

    [Fact(Timeout = 240_000)]
    public async Task A_job_submitted_during_a_database_outage_is_accepted_reads_queued_and_runs_exactly_once_when_the_database_returns()
    {
        await using var api = await ApiAsync();
        var a = Client(api, KeyA);
        var b = Client(api, KeyB);

        Guid id;
        HttpResponseMessage readByB;
        await using (await fx.OutageAsync())
        {
            var accepted = await a.PostAsync("/api/v1/jobs?store=true", JobsHost.Files([("one.txt", SampleResumes.Nurse()), ("two.txt", SampleResumes.Accountant())]), _ct);
            var body = await accepted.JsonAsync();
            accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, body.ToString());
            accepted.Headers.GetValues("X-Storage").Should().Equal("deferred");
            body.GetProperty("storage").GetString().Should().Be("deferred");
            id = body.GetProperty("id").GetGuid();

            var status = await a.GetAsync($"/api/v1/jobs/{id}", _ct);
            status.StatusCode.Should().Be(HttpStatusCode.OK);
            var s = await status.JsonAsync();
            s.GetProperty("status").GetString().Should().Be("queued");
            s.GetProperty("total").GetInt32().Should().Be(2);
            s.GetProperty("counts").GetProperty("queued").GetInt32().Should().Be(2);
            readByB = await b.GetAsync($"/api/v1/jobs/{id}", _ct);
        }

        var done = await WaitForAsync(a, id, "completed");
        var results = await (await a.GetAsync($"/api/v1/jobs/{id}/results", _ct)).JsonAsync();

        readByB.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "for another tenant the id is like any unknown id while the database is down");
        (await b.GetAsync($"/api/v1/jobs/{id}", _ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        done.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().Be(2);
        var stored = results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("result").GetProperty("id").GetGuid()).ToList();
        stored.Should().HaveCount(2);
        foreach (var resume in stored) (await a.GetAsync($"/api/v1/resumes/{resume}", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await JobsHost.Scalar(api.DatabaseConnectionString, "SELECT count(*) FROM jobs")).Should().Be(1);
        (await JobsHost.Scalar(api.DatabaseConnectionString, "SELECT count(*) FROM job_items")).Should().Be(2);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_job_with_an_idempotency_key_during_a_database_outage_answers_503_storage_unavailable_with_retry_after()
    {
        await using var api = await ApiAsync();
        var a = Client(api, KeyA);

        await using (await fx.OutageAsync())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JobsHost.Files([("one.txt", SampleResumes.Nurse())]) };
            request.Headers.Add("Idempotency-Key", "outage-retry-1");
            var response = await a.SendAsync(request, _ct);

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the key cannot be checked against the jobs it may already name");
            (await response.JsonAsync()).GetProperty("code").GetString().Should().Be("storage_unavailable");
            response.Headers.RetryAfter!.Delta.Should().BePositive();
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task A_job_larger_than_the_outbox_job_limit_answers_503_storage_unavailable_during_an_outage()
    {
        await using var api = await ApiAsync(("Outbox:MaxJobBytes", "1024"));
        var a = Client(api, KeyA);
        var large = SampleResumes.Text("Dora Large", "Data Engineer", "Big Files Ltd", "Oslo, Norway", string.Join(", ", Enumerable.Repeat("Spark", 300)));

        await using (await fx.OutageAsync())
        {
            var response = await a.PostAsync("/api/v1/jobs", JobsHost.Files([("large.txt", large)]), _ct);

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            var body = await response.JsonAsync();
            body.GetProperty("code").GetString().Should().Be("storage_unavailable");
            body.GetProperty("detail").GetString().Should().Contain("OUTBOX_MAX_JOB_BYTES");
            response.Headers.RetryAfter!.Delta.Should().BePositive();
        }
    }

    static HttpClient Client(StorageApiFactory api, string key)
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Add("X-API-Key", key);
        return c;
    }

    async Task<JsonElement> WaitForAsync(HttpClient client, Guid id, string status)
    {
        while (true)
        {
            var r = await client.GetAsync($"/api/v1/jobs/{id}", _ct);
            if (r.StatusCode == HttpStatusCode.OK && await r.JsonAsync() is var s && s.GetProperty("status").GetString() == status) return s;
            await Task.Delay(200, _ct);
        }
    }
}
