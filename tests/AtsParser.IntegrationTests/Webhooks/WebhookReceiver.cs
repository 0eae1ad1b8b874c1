using System.Collections.Concurrent;
using AtsParser.Api.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AtsParser.IntegrationTests.Webhooks;

/// <summary>
/// A real webhook receiver (Kestrel on a free port) that does what the README tells integrators to do: verify
/// X-AtsParser-Signature over the raw body with the shared secret and a 5-minute replay window, answering 400 on
/// a bad signature. It can be told to fail the first N deliveries with 500.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly string _secret;
    int _failFirst;

    public sealed record Delivery(string Event, string Body, string Signature, bool Verified);

    public ConcurrentQueue<Delivery> Accepted { get; } = new();
    public ConcurrentQueue<Delivery> Rejected { get; } = new();
    public int Requests;
    public string Url { get; private set; } = "";

    WebhookReceiver(WebApplication app, string secret) { _app = app; _secret = secret; }

    public static async Task<WebhookReceiver> StartAsync(string secret, int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret) { _failFirst = failFirst };
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
        return receiver;
    }

    async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref Requests);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var signature = request.Headers[WebhookSignature.Header].ToString();
        var delivery = new Delivery(request.Headers["X-AtsParser-Event"].ToString(), body, signature,
            WebhookSignature.Verify(_secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        if (!delivery.Verified) { Rejected.Enqueue(delivery); return Results.BadRequest(); }
        if (Interlocked.Decrement(ref _failFirst) >= 0) return Results.StatusCode(500);
        Accepted.Enqueue(delivery);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
