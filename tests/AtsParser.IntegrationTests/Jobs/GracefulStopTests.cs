using System.Net.Http.Headers;
using FluentAssertions;
using AtsParser.IntegrationTests.Support;
using Xunit;

namespace AtsParser.IntegrationTests.Jobs;

/// <summary>
/// SIGTERM (what `docker stop` sends) while a parse request and job files are waiting on a slow model: the real service
/// process exits by itself once SHUTDOWN_TIMEOUT_SECONDS is spent, with code 0, and its running job files are back in
/// the queue without a spent attempt. (scripts/test-image.sh checks the same against `docker stop` and its 10 s.)
/// </summary>
public sealed class GracefulStopTests
{
    [Fact(Timeout = 180_000)]
    public async Task Sigterm_mid_parse_exits_within_the_shutdown_timeout_and_hands_running_job_files_back()
    {
        var database = await (await TestServers.PostgresAsync()).CreateDatabaseAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Default = FakeReply.Answer(Parsing.OpenAi.SampleResume.Answer()).After(TimeSpan.FromMinutes(2));
        using var service = await ServiceProcess.StartAsync(database, llm.BaseUrl, ("SHUTDOWN_TIMEOUT_SECONDS", "2"), ("JOBS_LEASE_SECONDS", "60"), ("LIBREOFFICE_POOL_SIZE", "0"));
        await service.SubmitAsync(Enumerable.Range(0, 2).Select(i => TestDocs.Text("sigterm", i)));
        using var form = new MultipartFormDataContent();
        var (name, bytes) = TestDocs.Text("sigterm-request", 0);
        form.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", name);
        var inFlight = service.Client.PostAsync("api/v1/parse", form);
        while (llm.Requests.Count < 3) await Task.Delay(100); // both job files and the request are waiting on the model

        service.Terminate();
        var exitCode = await service.ExitCodeAsync(TimeSpan.FromSeconds(20));

        exitCode.Should().Be(0, "the process stops by itself after SHUTDOWN_TIMEOUT_SECONDS (2 s), not the host's default 30 s");
        (await JobsHost.Scalar(database, "SELECT count(*) FROM job_items WHERE status = 'queued' AND attempts = 0 AND lease_owner IS NULL"))
            .Should().Be(2, "running files are handed back at once, not left for their 60 s lease to expire");
        await inFlight.ContinueWith(_ => { }); // answered or cut off: either way it did not keep the process alive
    }
}
