using AtsParser.Cli.Client;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AtsParser.IntegrationTests.Cli;

/// <summary>The CLI's retries against a real HTTP server that answers scripted statuses on GET /health.</summary>
public sealed class RetryingTests : IAsyncLifetime
{
    readonly Queue<(int Status, string? RetryAfter)> _script = new();
    WebApplication _app = null!;
    string _url = "";
    int _calls;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/health", (HttpContext http) =>
        {
            Interlocked.Increment(ref _calls);
            var (status, retryAfter) = _script.TryDequeue(out var next) ? next : (200, null);
            if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
            return Results.Json(new { code = status == 200 ? null : "queue_full" }, statusCode: status);
        });
        await _app.StartAsync();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task A_503_and_a_429_are_retried_and_the_retry_after_is_honoured()
    {
        _script.Enqueue((503, null));
        _script.Enqueue((429, "1"));
        var notes = new List<string>();
        using var client = new JobsClient(_url, null);

        await new Retrying(3, TimeSpan.FromMilliseconds(10), notes.Add).RunAsync(client.CheckAsync, CancellationToken.None);

        _calls.Should().Be(3);
        notes.Should().HaveCount(2);
        notes[1].Should().EndWith("retrying in 1 s", "the server's Retry-After wins over the 10 ms backoff");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_4xx_is_not_retried_and_retries_run_out_on_a_server_that_keeps_failing()
    {
        using var client = new JobsClient(_url, null);
        _script.Enqueue((400, null));
        var bad = () => new Retrying(3, TimeSpan.FromMilliseconds(10)).RunAsync(client.CheckAsync, CancellationToken.None);
        (await bad.Should().ThrowAsync<ApiException>()).Which.Status.Should().Be(400);
        _calls.Should().Be(1);

        for (var i = 0; i < 5; i++) _script.Enqueue((500, null));
        var down = () => new Retrying(2, TimeSpan.FromMilliseconds(10)).RunAsync(client.CheckAsync, CancellationToken.None);
        (await down.Should().ThrowAsync<ApiException>()).Which.Status.Should().Be(500);
        _calls.Should().Be(1 + 3, "one try and two retries");
    }

    [Fact(Timeout = 30_000)]
    public async Task No_retries_means_one_try()
    {
        _script.Enqueue((503, null));
        using var client = new JobsClient(_url, null);

        var once = () => new Retrying(0, TimeSpan.FromMilliseconds(10)).RunAsync(client.CheckAsync, CancellationToken.None);

        await once.Should().ThrowAsync<ApiException>();
        _calls.Should().Be(1);
    }
}
