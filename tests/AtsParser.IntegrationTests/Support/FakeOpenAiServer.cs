using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// A real OpenAI-compatible HTTP server (Kestrel on a free port) for the real SDK to talk to. Each test scripts the
/// replies in order (answers, 429 with Retry-After, 5xx, context_length_exceeded, finish_reason length, slow
/// answers); when the script runs out, <see cref="Default"/> answers. Every request body is recorded.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    /// <summary>The fake's "tokenizer": prompt tokens = characters of all messages and of the response schema / this.</summary>
    public const double CharsPerToken = 3.5;

    readonly WebApplication _app;
    readonly ConcurrentQueue<FakeReply> _script = new();
    readonly ConcurrentQueue<RecordedRequest> _requests = new();

    FakeOpenAiServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public FakeReply? Default { get; set; }
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    public FakeOpenAiServer Then(params FakeReply[] replies)
    {
        foreach (var r in replies) _script.Enqueue(r);
        return this;
    }

    async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
        _requests.Enqueue(new RecordedRequest(body, http.Request.Headers.Authorization.ToString()));
        var reply = _script.TryDequeue(out var next) ? next : Default ?? FakeReply.Error(500, "server_error", "No reply scripted");
        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, http.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        http.Response.StatusCode = reply.Status;
        foreach (var (k, v) in reply.Headers) http.Response.Headers[k] = v;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(reply.Body(body), http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(JsonObject Body, string Authorization)
{
    public string UserMessage => Body["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
    public int? MaxCompletionTokens => Body["max_completion_tokens"]?.GetValue<int>();
}

/// <summary>One scripted reply. Body gets the request so that usage can be computed from what was sent.</summary>
public sealed record FakeReply(int Status, Func<JsonObject, string> Body)
{
    public TimeSpan Delay { get; init; }
    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>A chat completion whose message content is the JSON answer (serialised), with usage.</summary>
    public static FakeReply Answer(object answer, string finishReason = "stop") =>
        Content(answer as string ?? JsonSerializer.Serialize(answer, JsonSerializerOptions.Web), finishReason);

    public static FakeReply Content(string content, string finishReason = "stop") => new(200, request =>
    {
        var promptChars = request["messages"]!.AsArray().Sum(m => m!["content"]!.GetValue<string>().Length)
            + (request["response_format"]?["json_schema"]?["schema"]?.ToJsonString().Length ?? 0);
        int prompt = (int)Math.Ceiling(promptChars / FakeOpenAiServer.CharsPerToken), completion = (int)Math.Ceiling(content.Length / FakeOpenAiServer.CharsPerToken);
        return new JsonObject
        {
            ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = request["model"]?.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["finish_reason"] = finishReason, ["logprobs"] = null,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion },
        }.ToJsonString();
    });

    public static FakeReply Error(int status, string code, string message, string type = "server_error") => new(status, _ =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code } }.ToJsonString());

    public static FakeReply RateLimited(string retryAfter) =>
        Error(429, "rate_limit_exceeded", "Rate limit reached", "requests") with { Headers = new() { ["Retry-After"] = retryAfter } };

    public static FakeReply ServerError() => Error(500, "server_error", "The server had an error while processing your request.");

    public static FakeReply ContextLengthExceeded() => Error(400, "context_length_exceeded",
        "This model's maximum context length is 1000 tokens. However, your messages resulted in 2000 tokens.", "invalid_request_error");

    public FakeReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>The same reply without a `usage` block (some OpenAI-compatible servers send none).</summary>
    public FakeReply WithoutUsage()
    {
        var body = Body;
        return this with { Body = request => { var json = JsonNode.Parse(body(request))!.AsObject(); json.Remove("usage"); return json.ToJsonString(); } };
    }
}
