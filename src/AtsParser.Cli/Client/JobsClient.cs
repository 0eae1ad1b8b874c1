using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AtsParser.Cli.Client;

public sealed record JobAccepted(Guid Id, string Status, int Total);

public sealed record JobFileStatus(int Index, string FileName, string? Sha256, string Status, int Attempts, string? ErrorCode);

public sealed record JobCounts(int Queued, int Running, int Succeeded, int Failed, int DeadLettered, int Cancelled);

public sealed record JobStatus(Guid Id, string Status, int Total, JobCounts Counts, List<JobFileStatus> Files);

/// <summary>One finished file from GET /jobs/{id}/results; Result is the /api/v1/parse response, Error its ProblemDetails.</summary>
public sealed record JobResult(int Index, string FileName, string? Sha256, string Status, JsonElement? Result, JsonElement? Error);

public sealed record JobResultsPage(List<JobResult> Items, int? Next);

/// <summary>The server could not be reached at all (refused, DNS, timeout): exit code 3 territory.</summary>
public sealed class ServerUnreachableException(string message, Exception inner) : Exception(message, inner);

/// <summary>The server answered with an error: its ProblemDetails code and, for 429/503, when to come back.</summary>
public sealed class ApiException(int status, string? code, string? detail, TimeSpan? retryAfter)
    : Exception($"HTTP {status} {code}: {detail}")
{
    public int Status { get; } = status;
    public string? Code { get; } = code;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool Transient => Status is 408 or 429 or >= 500;
}

/// <summary>The jobs API over HTTP, with X-API-Key when given. No retries here: callers decide (Retrying.cs).</summary>
public sealed class JobsClient : IDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly HttpClient _http;

    public JobsClient(string server, string? apiKey, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(server.TrimEnd('/') + "/");
        _http.Timeout = timeout ?? TimeSpan.FromMinutes(10);
        if (!string.IsNullOrEmpty(apiKey)) _http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("ats-cli/1");
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "health"), ct);
    }

    /// <summary>Streams the files from disk as one multipart job; nothing is buffered in memory.</summary>
    /// <param name="idempotencyKey">Re-sending with the same key returns the job the first send created, if it got that far.</param>
    public async Task<JobAccepted> SubmitAsync(IReadOnlyList<string> paths, string idempotencyKey, CancellationToken ct, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        foreach (var path in paths)
        {
            var content = new StreamContent(File.OpenRead(path)); // disposed with the form
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", Path.GetFileName(path));
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/jobs") { Content = form };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await SendAsync(request, ct);
        return (await response.Content.ReadFromJsonAsync<JobAccepted>(Json, ct))!;
    }

    public async Task<JobStatus?> GetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/jobs/{id}"), ct);
            return await response.Content.ReadFromJsonAsync<JobStatus>(Json, ct);
        }
        catch (ApiException e) when (e.Status == 404) { return null; }
    }

    public async Task<JobResultsPage> GetResultsAsync(Guid id, int after, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/jobs/{id}/results?after={after}&limit=200"), ct);
        return (await response.Content.ReadFromJsonAsync<JobResultsPage>(Json, ct))!;
    }

    public async Task<int> RequeueAsync(Guid id, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/v1/jobs/{id}/requeue"), ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return doc.RootElement.GetProperty("requeued").GetInt32();
    }

    async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken ct)
    {
        HttpResponseMessage response;
        using var _ = message;
        try { response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct); }
        catch (HttpRequestException e) when (e.StatusCode is null) { throw new ServerUnreachableException($"{_http.BaseAddress} is unreachable: {e.Message}", e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw new ServerUnreachableException($"{_http.BaseAddress} did not answer in time", e); }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ErrorFrom(response, ct);
    }

    static async Task<ApiException> ErrorFrom(HttpResponseMessage response, CancellationToken ct)
    {
        string? code = null, detail = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            if (doc.RootElement.TryGetProperty("code", out var c)) code = c.GetString();
            if (doc.RootElement.TryGetProperty("detail", out var d)) detail = d.GetString();
        }
        catch (JsonException) { }
        var retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date - DateTimeOffset.UtcNow) : null;
        return new ApiException((int)response.StatusCode, code ?? response.StatusCode.ToString(), detail, retryAfter);
    }

    public void Dispose() => _http.Dispose();
}
