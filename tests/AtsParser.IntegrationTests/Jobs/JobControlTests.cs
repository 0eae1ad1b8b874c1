using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using AtsParser.IntegrationTests.Support;
using Xunit;

namespace AtsParser.IntegrationTests.Jobs;

public sealed class JobControlTests
{
    [Fact(Timeout = 90_000)]
    public async Task Cancelling_drops_the_unprocessed_files_deletes_their_bytes_and_refuses_late_results()
    {
        var parser = new ScriptedParser { BlockEverything = true };
        await using var host = await JobsHost.StartAsync(parser: parser, settings: [("Jobs:Concurrency", "2")]);
        var job = await host.SubmitAsync(Enumerable.Range(0, 6).Select(i => TestDocs.Text("cancel", i)));
        while (parser.Blocked < 2) await Task.Delay(50);

        var response = await host.Client.DeleteAsync($"/api/v1/jobs/{job}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        parser.Release(); // the two running files finish now, after the cancel
        await Task.Delay(1000);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("cancelled");
        var after = await host.StatusAsync(job);
        after.GetProperty("counts").GetProperty("cancelled").GetInt32().Should().Be(6);
        after.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().Be(0);
        (await host.ScalarAsync("SELECT count(*) FROM job_item_blobs b JOIN job_items i ON i.id = b.item_id WHERE i.job_id = @j", ("j", job))).Should().Be(0);
    }

    [Fact(Timeout = 90_000)]
    public async Task Above_the_queue_depth_new_jobs_get_503_with_retry_after()
    {
        var parser = new ScriptedParser { BlockEverything = true };
        await using var host = await JobsHost.StartAsync(parser: parser, settings: [("Jobs:MaxQueueDepth", "3"), ("Jobs:QueueFullRetryAfterSeconds", "7")]);
        try
        {
            await host.SubmitAsync(Enumerable.Range(0, 3).Select(i => TestDocs.Text("depth", i)));

            var refused = await host.Client.PostAsync("/api/v1/jobs", JobsHost.Files([TestDocs.Text("depth", 9)]));

            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("queue_full");
        }
        finally { parser.Release(); }
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_database_the_jobs_endpoints_answer_503_storage_disabled()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();

        var post = await client.PostAsync("/api/v1/jobs", JobsHost.Files([TestDocs.Text("nodb", 1)]));
        var get = await client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}");

        post.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("storage_disabled");
        get.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
