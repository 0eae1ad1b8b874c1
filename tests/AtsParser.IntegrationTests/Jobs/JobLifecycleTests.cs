using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using AtsParser.IntegrationTests.Support;
using Xunit;

namespace AtsParser.IntegrationTests.Jobs;

public sealed class JobsFixture : IAsyncLifetime
{
    public ScriptedParser Parser { get; } = new();
    public JobsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await JobsHost.StartAsync(parser: Parser, settings:
        [("Jobs:RetryMaxAttempts", "3"), ("Jobs:MaxFilesPerJob", "20"), ("Extraction:MaxFileSizeBytes", "131072")]);

    public async Task DisposeAsync()
    {
        Parser.Release();
        await Host.DisposeAsync();
    }
}

public sealed class JobLifecycleTests(JobsFixture fx) : IClassFixture<JobsFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Transient_failures_are_retried_after_the_retry_delay_until_the_file_succeeds()
    {
        var job = await fx.Host.SubmitAsync([TestDocs.Text("FAIL-503 x2", 1), TestDocs.Text("plain", 2)]);

        var status = await fx.Host.WaitForAsync(job);

        var files = status.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("status").GetString()).Should().AllBe("succeeded");
        files[0].GetProperty("attempts").GetInt32().Should().Be(3);
        files[1].GetProperty("attempts").GetInt32().Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_that_keeps_failing_is_dead_lettered_with_its_reason_and_keeps_its_bytes_until_requeued()
    {
        var marker = "FAIL-429 always " + Guid.NewGuid().ToString("N")[..6];
        var deadBefore = await Observability.Scrape.ValueAsync(fx.Host.Client, "ats_jobs_total", "outcome=\"dead_lettered\"");
        var retriedBefore = await Observability.Scrape.ValueAsync(fx.Host.Client, "ats_jobs_total", "outcome=\"retried\"");
        var job = await fx.Host.SubmitAsync([TestDocs.Text(marker, 1)]);

        var status = await fx.Host.WaitForAsync(job);
        // The dead-letter alert and the dashboard's job panels read this counter.
        (await Observability.Scrape.ValueAsync(fx.Host.Client, "ats_jobs_total", "outcome=\"dead_lettered\"")).Should().BeGreaterThanOrEqualTo(deadBefore + 1);
        (await Observability.Scrape.ValueAsync(fx.Host.Client, "ats_jobs_total", "outcome=\"retried\"")).Should().BeGreaterThanOrEqualTo(retriedBefore + 2);
        var file = status.GetProperty("files")[0];
        file.GetProperty("status").GetString().Should().Be("dead_lettered");
        file.GetProperty("errorCode").GetString().Should().Be("rate_limited");
        file.GetProperty("attempts").GetInt32().Should().Be(3);
        status.GetProperty("counts").GetProperty("deadLettered").GetInt32().Should().Be(1);
        (await BlobsOf(job)).Should().Be(1);

        fx.Parser.Heal(marker);
        var requeue = await fx.Host.Client.PostAsync($"/api/v1/jobs/{job}/requeue", null);
        (await requeue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requeued").GetInt32().Should().Be(1);

        var after = await fx.Host.WaitForAsync(job);
        after.GetProperty("files")[0].GetProperty("status").GetString().Should().Be("succeeded");
        (await BlobsOf(job)).Should().Be(0);
    }

    [Fact(Timeout = 120_000)]
    public async Task Permanent_failures_fail_at_once_with_their_error_code_and_their_bytes_are_deleted()
    {
        var job = await fx.Host.SubmitAsync([
            ("locked.pdf", File.ReadAllBytes(Corpus.PathOf("hostile/generated/encrypted_userpw_aes256.pdf"))),
            ("empty.pdf", []),
            ("program.pdf", File.ReadAllBytes(Corpus.PathOf("hostile/generated/elf_named.pdf")))]);

        var status = await fx.Host.WaitForAsync(job);

        var files = status.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("status").GetString()).Should().AllBe("failed");
        files.Select(f => f.GetProperty("attempts").GetInt32()).Should().AllBeEquivalentTo(1);
        files.Select(f => f.GetProperty("errorCode").GetString()).Should().Equal("encrypted_document", "empty_file", "unsupported_format");
        (await BlobsOf(job)).Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Results_come_as_json_pages_and_as_jsonl_with_the_same_entries()
    {
        var job = await fx.Host.SubmitAsync(Enumerable.Range(0, 5).Select(i => TestDocs.Text("page", i)));
        await fx.Host.WaitForAsync(job);

        var first = await fx.Host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/results?limit=3");
        var next = first.GetProperty("next").GetInt32();
        var second = await fx.Host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/results?limit=3&after={next}");
        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{job}/results");
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var response = await fx.Host.Client.SendAsync(request);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        second.TryGetProperty("next", out _).Should().BeFalse();
        paged.Select(p => p.GetProperty("index").GetInt32()).Should().Equal(0, 1, 2, 3, 4);
        lines.Select(l => l.GetProperty("result").GetProperty("document").GetProperty("sha256").GetString())
            .Should().Equal(paged.Select(p => p.GetProperty("result").GetProperty("document").GetProperty("sha256").GetString()));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_zip_is_expanded_skipping_folders_and_hidden_files_and_an_oversized_entry_fails_alone()
    {
        var zip = Zip(("a/one.txt", TestDocs.Text("zip", 1).Bytes), ("two.txt", TestDocs.Text("zip", 2).Bytes),
            ("__MACOSX/._two.txt", [1, 2, 3]), (".DS_Store", [0]), ("big.txt", new byte[300_000]));

        var job = await fx.Host.SubmitAsync([("batch.zip", zip)]);
        var status = await fx.Host.WaitForAsync(job);

        var files = status.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("fileName").GetString()!, f => f);
        files.Keys.Should().BeEquivalentTo("one.txt", "two.txt", "big.txt");
        files["one.txt"].GetProperty("status").GetString().Should().Be("succeeded");
        files["big.txt"].GetProperty("errorCode").GetString().Should().Be("file_too_large");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_zip_with_more_files_than_allowed_is_refused_whole()
    {
        var zip = Zip(Enumerable.Range(0, 25).Select(i => ($"f{i}.txt", TestDocs.Text("many", i).Bytes)).ToArray());

        var response = await fx.Host.Client.PostAsync("/api/v1/jobs", JobsHost.Files([("many.zip", zip)]));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("job_too_large");
        (await fx.Host.ScalarAsync("SELECT count(*) FROM job_items i JOIN jobs j ON j.id = i.job_id WHERE i.file_name = 'f24.txt'")).Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_job_answers_202_with_its_location_and_an_unknown_job_is_404()
    {
        var response = await fx.Host.Client.PostAsync("/api/v1/jobs", JobsHost.Files([TestDocs.Text("loc", 1)]));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().Be($"/api/v1/jobs/{body.GetProperty("id").GetGuid()}");
        var missing = await fx.Host.Client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("job_not_found");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invalid_webhook_url_is_refused_before_anything_is_queued()
    {
        var response = await fx.Host.Client.PostAsync("/api/v1/jobs", JobsHost.Files([TestDocs.Text("hook", 1)], ("webhookUrl", "ftp://example.com/x")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("invalid_webhook_url");
    }

    Task<long> BlobsOf(Guid job) => fx.Host.ScalarAsync("SELECT count(*) FROM job_item_blobs b JOIN job_items i ON i.id = b.item_id WHERE i.job_id = @j", ("j", job));

    static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
                using (var s = zip.CreateEntry(name).Open()) s.Write(bytes);
        return ms.ToArray();
    }
}
