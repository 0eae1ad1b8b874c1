using System.Net;
using System.Text;
using System.Text.Json;
using AtsParser.Api.Webhooks;
using AtsParser.IntegrationTests.Jobs;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Webhooks;

public sealed class WebhookTests
{
    [Fact(Timeout = 90_000)]
    public async Task A_completed_job_is_announced_with_a_signature_the_receiver_verifies_and_a_tampered_copy_is_rejected()
    {
        await using var receiver = await WebhookReceiver.StartAsync(JobsHost.WebhookSecret);
        await using var host = await JobsHost.StartAsync();

        var job = await host.SubmitAsync([TestDocs.Text("hook", 1), TestDocs.Text("hook", 2)], ("webhookUrl", receiver.Url));
        await host.WaitForAsync(job);
        while (receiver.Accepted.IsEmpty) await Task.Delay(50);

        var delivery = receiver.Accepted.Single();
        delivery.Event.Should().Be("job.completed");
        var payload = JsonDocument.Parse(delivery.Body).RootElement;
        payload.GetProperty("jobId").GetGuid().Should().Be(job);
        payload.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().Be(2);

        // The same signature over a body with one changed byte, sent to the same receiver, is refused.
        using var http = new HttpClient();
        var tamperedBody = delivery.Body.Replace("\"succeeded\" : 2", "\"succeeded\" : 3");
        tamperedBody.Should().NotBe(delivery.Body);
        var tampered = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(tamperedBody, Encoding.UTF8, "application/json") };
        tampered.Headers.Add(WebhookSignature.Header, delivery.Signature);
        var refused = await http.SendAsync(tampered);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        receiver.Rejected.Should().ContainSingle();
    }

    [Fact(Timeout = 90_000)]
    public async Task A_failed_delivery_is_retried_with_backoff_and_every_attempt_is_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync(JobsHost.WebhookSecret, failFirst: 2);
        await using var host = await JobsHost.StartAsync();

        var deliveredBefore = await Observability.Scrape.ValueAsync(host.Client, "ats_webhook_deliveries_total", "outcome=\"delivered\"");
        var retriedBefore = await Observability.Scrape.ValueAsync(host.Client, "ats_webhook_deliveries_total", "outcome=\"retried\"");
        var job = await host.SubmitAsync([TestDocs.Text("retry-hook", 1)], ("webhookUrl", receiver.Url), ("webhookPerFile", "true"));
        await host.WaitForAsync(job);
        while (receiver.Accepted.Count < 2) await Task.Delay(50);
        await Task.Delay(300);

        receiver.Accepted.Select(d => d.Event).Should().BeEquivalentTo("job.item.finished", "job.completed");
        (await host.ScalarAsync("SELECT count(*) FROM webhook_attempts")).Should().Be(4);
        (await host.ScalarAsync("SELECT count(*) FROM webhook_attempts WHERE status_code = 500")).Should().Be(2);
        (await host.ScalarAsync("SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'")).Should().Be(2);
        (await Observability.Scrape.ValueAsync(host.Client, "ats_webhook_deliveries_total", "outcome=\"delivered\"")).Should().BeGreaterThanOrEqualTo(deliveredBefore + 2);
        (await Observability.Scrape.ValueAsync(host.Client, "ats_webhook_deliveries_total", "outcome=\"retried\"")).Should().BeGreaterThanOrEqualTo(retriedBefore + 2);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_webhook_to_a_private_address_is_refused_unless_private_networks_are_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(JobsHost.WebhookSecret);
        await using var host = await JobsHost.StartAsync(settings: [("Webhooks:AllowPrivateNetworks", "false")]);

        var job = await host.SubmitAsync([TestDocs.Text("ssrf", 1)], ("webhookUrl", receiver.Url));
        await host.WaitForAsync(job);
        while (await host.ScalarAsync("SELECT count(*) FROM webhook_deliveries WHERE status = 'failed'") == 0) await Task.Delay(50);

        receiver.Requests.Should().Be(0);
        (await host.ScalarAsync("SELECT count(*) FROM webhook_attempts")).Should().Be(1);
    }
}
