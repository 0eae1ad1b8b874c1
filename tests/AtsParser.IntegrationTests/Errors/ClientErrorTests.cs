using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AtsParser.IntegrationTests.Storage;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Errors;

/// <summary>Inputs that used to answer 500 (or a body without a code) now answer 4xx ProblemDetails with a stable code.</summary>
public class ClientErrorTests(StorageFixture fx) : IClassFixture<StorageFixture>
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    static ByteArrayContent RawMultipart(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XyZ");
        return content;
    }

    const string Truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.txt\"\r\nContent-Type: text/plain\r\n\r\nJane Doe, accountant";

    async Task<(HttpStatusCode Status, JsonElement Problem)> Send(HttpRequestMessage request)
    {
        var r = await fx.Client.SendAsync(request, _ct);
        var text = await r.Content.ReadAsStringAsync(_ct);
        r.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{request.Method} {request.RequestUri} answered {(int)r.StatusCode}: {text}");
        return (r.StatusCode, JsonDocument.Parse(text).RootElement);
    }

    static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    [Theory]
    [InlineData("/api/v1/parse")]
    [InlineData("/api/v1/bulk-parse-resumes")]
    [InlineData("/api/v1/jobs")]
    public async Task A_truncated_multipart_body_is_a_400_malformed_multipart(string path)
    {
        var (status, problem) = await Send(Post(path, RawMultipart(Truncated.Replace("name=\"file\"", path.EndsWith("parse") ? "name=\"file\"" : "name=\"files\""))));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("malformed_multipart");
    }

    [Theory]
    [InlineData("/api/v1/parse")]
    [InlineData("/api/v1/jobs")]
    public async Task A_multipart_part_header_over_16_kb_is_a_400_malformed_multipart(string path)
    {
        var body = "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cv.txt\"\r\nX-Padding: " + new string('a', 17 * 1024)
                   + "\r\n\r\nJane Doe\r\n--XyZ--\r\n";

        var (status, problem) = await Send(Post(path, RawMultipart(body)));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("malformed_multipart");
    }

    [Theory]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task An_out_of_range_page_is_a_400_invalid_parameter(string query, string parameter)
    {
        var (status, problem) = await Send(new HttpRequestMessage(HttpMethod.Get, "/api/v1/resumes?" + query));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("invalid_parameter");
        problem.GetProperty("detail").GetString().Should().Contain(parameter);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("--")]
    [InlineData("é")]
    [InlineData("the and of")]
    public async Task A_search_with_no_searchable_word_is_a_400_validation_failed(string text)
    {
        await fx.Client.ParseAsync(SampleResumes.Accountant(), "?store=true");

        var (status, problem) = await Send(Post("/api/v1/search", JsonContent(new { text })));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("validation_failed");
        problem.GetProperty("errors").TryGetProperty("text", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("GET", "/api/v1/resumes/not-a-guid", 404, "not_found")]
    [InlineData("DELETE", "/api/v1/jobs/123", 404, "not_found")]
    [InlineData("GET", "/no/such/route", 404, "not_found")]
    [InlineData("PUT", "/api/v1/parse", 405, "method_not_allowed")]
    [InlineData("GET", "/api/v1/search", 405, "method_not_allowed")]
    [InlineData("GET", "/api/v1/resumes/00000000-0000-0000-0000-000000000000", 404, "resume_not_found")]
    public async Task Framework_answers_are_problem_details_with_a_code(string method, string path, int status, string code)
    {
        var (actual, problem) = await Send(new HttpRequestMessage(new HttpMethod(method), path));

        ((int)actual).Should().Be(status);
        problem.GetProperty("code").GetString().Should().Be(code);
    }

    [Fact]
    public async Task A_json_body_on_parse_is_a_415_unsupported_media_type()
    {
        var (status, problem) = await Send(Post("/api/v1/parse", JsonContent(new { file = "cv.pdf" })));

        status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("code").GetString().Should().Be("unsupported_media_type");
    }

    [Fact]
    public async Task An_oversized_search_body_is_a_413_before_it_is_read()
    {
        var (status, problem) = await Send(Post("/api/v1/search", JsonContent(new { text = new string('x', 2_000_000) })));

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("code").GetString().Should().Be("request_too_large");
    }

    [Fact]
    public async Task An_oversized_chunked_search_body_is_a_413_while_streaming()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 2_000_000) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = Post("/api/v1/search", content);
        request.Headers.TransferEncodingChunked = true;

        var (status, problem) = await Send(request);

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("code").GetString().Should().Be("request_too_large");
    }

    [Theory]
    [InlineData("{\"text\": ")]
    [InlineData("[1,2]")]
    [InlineData("{\"text\": \"accountant\", \"topK\": \"ten\"}")]
    public async Task Malformed_search_json_is_a_400_invalid_json(string body)
    {
        var (status, problem) = await Send(Post("/api/v1/search", new StringContent(body, Encoding.UTF8, "application/json")));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("invalid_json");
    }

    [Theory]
    [InlineData("/api/v1/parse?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/parse?store=maybe", "store")]
    [InlineData("/api/v1/jobs?asOf=2024-13-45", "asOf")]
    public async Task A_query_value_that_does_not_bind_is_a_400_in_our_words(string path, string parameter)
    {
        var (status, problem) = await Send(Post(path, ApiForm()));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("invalid_parameter");
        problem.GetProperty("parameter").GetString().Should().Be(parameter);
        problem.GetRawText().Should().NotContain("Failed to bind").And.NotContain("Nullable");
    }

    [Fact]
    public async Task An_unparseable_resume_list_filter_is_a_400_in_our_words()
    {
        var (status, problem) = await Send(new HttpRequestMessage(HttpMethod.Get, "/api/v1/resumes?minExperienceMonths=lots"));

        status.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().Should().Be("invalid_parameter");
        problem.GetProperty("detail").GetString().Should().Contain("minExperienceMonths").And.Contain("whole number");
    }

    static MultipartFormDataContent ApiForm() => Support.ApiFactory.Form("file", ("cv.txt", SampleResumes.Accountant()));

    static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
