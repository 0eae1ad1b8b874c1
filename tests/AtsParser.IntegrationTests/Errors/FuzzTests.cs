using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AtsParser.IntegrationTests.Storage;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Errors;

/// <summary>
/// Every endpoint, driven with malformed bodies, headers, query values, ids and random bytes (seeded, bounded
/// count): no answer is a 5xx, every error is ProblemDetails with a code, and the service is still healthy after.
/// </summary>
public class FuzzTests(StorageFixture fx) : IClassFixture<StorageFixture>
{
    const int Requests = 240;

    static readonly (string Method, string Path)[] Routes =
    [
        ("POST", "/api/v1/parse"), ("POST", "/api/v1/bulk-parse-resumes"), ("POST", "/api/v1/jobs"), ("POST", "/api/v1/search"),
        ("GET", "/api/v1/resumes"), ("GET", "/api/v1/resumes/{id}"), ("DELETE", "/api/v1/resumes/{id}"),
        ("GET", "/api/v1/jobs/{id}"), ("GET", "/api/v1/jobs/{id}/results"), ("DELETE", "/api/v1/jobs/{id}"), ("POST", "/api/v1/jobs/{id}/requeue"),
        ("GET", "/health"), ("GET", "/health/ready"), ("GET", "/startup-status"), ("GET", "/metrics"),
        ("GET", "/schemas/resume-v1.json"), ("GET", "/openapi/v1.json"),
    ];

    static readonly string[] Params = ["asOf", "store", "force", "includeText", "redact", "format", "page", "pageSize", "skill", "title", "location",
        "minExperienceMonths", "ranking", "after", "limit", "webhookUrl", "webhookPerFile", "topK"];

    static readonly string[] Values = ["", "true", "maybe", "-1", "0", "2147483647", "-2147483648", "99999999999999999999", "1e309", "NaN",
        "2024-02-30", "9999-12-31", "0001-01-01", "%00", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "jsonresume", "hybrid", "<script>", "' OR 1=1 --",
        "http://169.254.169.254/", "ftp://x", new string('a', 3000), "%E2%80%AE", "é", "null", "[]", "{}"];

    static readonly string[] Ids = ["not-a-guid", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "123", "%20", "{}", new string('f', 300)];

    [Fact(Timeout = 600_000)]
    public async Task No_input_gives_a_5xx_or_an_error_without_a_code_and_the_service_stays_healthy()
    {
        var ct = new CancellationTokenSource(TimeSpan.FromMinutes(9)).Token;
        var random = new Random(12);
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Make(random, i);
            var label = $"#{i} {request.Method} {request.RequestUri} ({request.Content?.Headers.ContentType})";
            using var response = await fx.Client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status >= 500) failures.Add($"{label} -> {status}: {Cut(body)}");
            else if (status >= 400 && !HasCode(response, body)) failures.Add($"{label} -> {status} without a code: {Cut(body)}");
        }

        failures.Should().BeEmpty();
        (await fx.Client.GetAsync("/health", ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var (parsed, _) = await fx.Client.ParseAsync(SampleResumes.Nurse());
        parsed.StatusCode.Should().Be(HttpStatusCode.OK, "a well-formed upload still parses after the fuzzing");
    }

    static bool HasCode(HttpResponseMessage r, string body)
    {
        if (r.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        try { return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) && c.GetString() is { Length: > 0 }; }
        catch (JsonException) { return false; }
    }

    static string Cut(string s) => s.Length > 300 ? s[..300] : s;

    static HttpRequestMessage Make(Random random, int i)
    {
        var (method, path) = Routes[i % Routes.Length];
        if (random.Next(8) == 0) method = random.Next(2) == 0 ? "PATCH" : "PUT";
        path = path.Replace("{id}", Ids[random.Next(Ids.Length)]);
        var query = string.Join('&', Enumerable.Range(0, random.Next(4)).Select(_ => Params[random.Next(Params.Length)] + "=" + Values[random.Next(Values.Length)]));
        var request = new HttpRequestMessage(new HttpMethod(method), path + (query.Length > 0 ? "?" + query : ""));
        if (method is "POST" or "PUT" or "PATCH") request.Content = Body(random);
        switch (random.Next(6))
        {
            case 0: request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', random.Next(1, 400))); break;
            case 1: request.Headers.TryAddWithoutValidation("Accept", "application/x-ndjson"); break;
            case 2: request.Headers.TryAddWithoutValidation("X-API-Key", "garbage\u00e9"); break;
            case 3: request.Headers.TryAddWithoutValidation("Authorization", "Bearer a.b.c"); break;
        }
        return request;
    }

    static HttpContent Body(Random random)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        HttpContent content;
        switch (random.Next(7))
        {
            case 0: // well-framed multipart around random bytes
                var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(bytes), random.Next(2) == 0 ? "file" : "files", random.Next(2) == 0 ? "cv.pdf" : "x.zip");
                form.Add(new StringContent(Values[random.Next(Values.Length)]), Params[random.Next(Params.Length)]);
                return form;
            case 1: // random bytes claiming to be multipart
                content = new ByteArrayContent(bytes);
                content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + (random.Next(2) == 0 ? "b" : ""));
                return content;
            case 2: // multipart cut off mid-part
                content = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n").Concat(bytes).ToArray());
                content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
                return content;
            case 3: // JSON-ish
                var json = random.Next(3) switch
                {
                    0 => "{\"text\": " + JsonSerializer.Serialize(Values[random.Next(Values.Length)]) + ", \"topK\": " + Values[random.Next(Values.Length)] + "}",
                    1 => "{\"text\": \"accountant\", \"filters\": {\"skills\": 7, \"minExperienceMonths\": \"x\"}}",
                    _ => Encoding.Latin1.GetString(bytes),
                };
                return new StringContent(json, Encoding.UTF8, "application/json");
            case 4:
                content = new ByteArrayContent(bytes);
                content.Headers.TryAddWithoutValidation("Content-Type", "garbage/;;;=");
                return content;
            case 5:
                return new ByteArrayContent(bytes);
            default:
                return new StringContent("text=hello", Encoding.UTF8, "application/x-www-form-urlencoded");
        }
    }
}
