using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Observability;

public class QueueDepthTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact(Timeout = 120_000)]
    public async Task With_a_database_the_queue_depth_gauge_is_sampled_from_it()
    {
        // The worker is off, so nothing drains the queue and the sampled depth is exactly what the database holds.
        await using var api = await StorageApiFactory.CreateAsync(useRedis: false, settings: ("Jobs:WorkerEnabled", "false"));
        var client = api.CreateClient();
        var text = "Jane Doe\nAccountant with ten years of experience in audit and tax."u8.ToArray();
        var submit = await client.PostAsync("/api/v1/jobs", ApiFactory.Form("files", ("a.txt", text), ("b.txt", text), ("c.txt", text)), _ct);
        submit.IsSuccessStatusCode.Should().BeTrue(await submit.Content.ReadAsStringAsync(_ct));

        // The sampler runs every 15 s, so wait for its first sample after the submit.
        string metrics;
        do
        {
            await Task.Delay(250, _ct);
            metrics = await client.GetStringAsync("/metrics", _ct);
        } while (!metrics.Contains("\nats_jobs_queue_depth 3\n"));

        metrics.Should().Contain("# TYPE ats_jobs_queue_depth gauge");
    }
}
