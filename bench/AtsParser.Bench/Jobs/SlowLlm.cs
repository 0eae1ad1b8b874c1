using System.Text.Json;
using System.Text.Json.Nodes;
using AtsParser.Core.Parsing.OpenAi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AtsParser.Bench.Jobs;

/// <summary>
/// An OpenAI-compatible /v1/chat/completions that answers every request after a fixed delay with a valid
/// extraction, and records how many requests were in flight at once (the LLM concurrency actually reached).
/// </summary>
public sealed class SlowLlm : IAsyncDisposable
{
    readonly WebApplication _app;
    int _inFlight;

    SlowLlm(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public int MaxInFlight;
    public int Requests;

    public static async Task<SlowLlm> StartAsync(TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var llm = new SlowLlm(app);
        var content = JsonSerializer.Serialize(new ExtractedResume
        {
            Name = new ExtractedName("Jane Doe", "Jane", "Doe"),
            Emails = ["jane@example.com"],
            Work = [new("Accountant", "Ledger Corp", null, "2019", "2024", null, [])],
        }, ExtractionSchema.Serializer);
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var now = Interlocked.Increment(ref llm._inFlight);
            Interlocked.Increment(ref llm.Requests);
            int seen;
            while ((seen = llm.MaxInFlight) < now && Interlocked.CompareExchange(ref llm.MaxInFlight, now, seen) != seen) { }
            try
            {
                var body = await JsonNode.ParseAsync(http.Request.Body);
                await Task.Delay(delay);
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(new JsonObject
                {
                    ["id"] = "chatcmpl-bench", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = body?["model"]?.GetValue<string>(),
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0, ["finish_reason"] = "stop", ["logprobs"] = null,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 1000, ["completion_tokens"] = 100, ["total_tokens"] = 1100 },
                }.ToJsonString());
            }
            finally { Interlocked.Decrement(ref llm._inFlight); }
        });
        await app.StartAsync();
        llm.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1";
        return llm;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
