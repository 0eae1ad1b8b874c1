using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

/// <summary>/api/v1/parse with OPENAI_API_KEY and OPENAI_BASE_URL pointing at the fake server: the whole service, over HTTP, on both sides.</summary>
public sealed class OpenAiEndToEndTests
{
    static async Task<(ApiFactory Api, FakeOpenAiServer Server)> StartAsync()
    {
        var server = await FakeOpenAiServer.StartAsync();
        var api = new ApiFactory().With("OpenAi:ApiKey", "test-key").With("OpenAi:BaseUrl", server.BaseUrl).With("OpenAi:RetryBaseDelayMs", "50");
        return (api, server);
    }

    static MultipartFormDataContent Upload(string field = "file", string name = "jane.txt") => ApiFactory.Form(field, (name, Encoding.UTF8.GetBytes(SampleResume.Text)));

    [Fact(Timeout = 120_000)]
    public async Task Parse_uses_the_model_when_an_api_key_is_set_and_sends_it_compacted_text()
    {
        var (api, server) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        server.Default = FakeReply.Answer(SampleResume.Answer());

        var response = await api.CreateClient().PostAsync("/api/v1/parse?asOf=2025-06-01", Upload());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var resume = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["resume"]!;
        resume["meta"]!["parser"]!.GetValue<string>().Should().Be("openai");
        resume["meta"]!["tokensIn"]!.GetValue<int>().Should().BeGreaterThan(0);
        resume["meta"]!["compaction"]!["tokensAfter"]!.GetValue<int>().Should().BeGreaterThan(0);
        resume["candidate"]!["emails"]![0]!.GetValue<string>().Should().Be("jane.doe@example.com");
        resume["workExperience"]![0]!["employer"]!.GetValue<string>().Should().Be("Acme Payments AG");
        var request = server.Requests.Should().ContainSingle().Subject;
        request.UserMessage.Should().NotContain("References available upon request");
        request.Body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>().Should().BeTrue();

        var metrics = await api.CreateClient().GetStringAsync("/metrics");
        metrics.Should().Contain("ats_llm_tokens_total{").And.Contain("ats_llm_chars_per_token").And.Contain("ats_compaction_ratio_bucket");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_model_endpoint_falls_back_to_the_heuristic_parser_with_LLM_FALLBACK()
    {
        var (api, server) = await StartAsync();
        await using var _ = server;
        using var __ = api.With("OpenAi:MaxRetries", "1");
        server.Default = FakeReply.ServerError();

        var response = await api.CreateClient().PostAsync("/api/v1/parse", Upload());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var resume = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["resume"]!;
        resume["meta"]!["parser"]!.GetValue<string>().Should().Be("heuristic");
        resume["quality"]!["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).Should().Contain("LLM_FALLBACK");
        resume["candidate"]!["emails"]![0]!.GetValue<string>().Should().Be("jane.doe@example.com");
        server.Requests.Should().HaveCount(2);
    }

    [Fact(Timeout = 120_000)]
    public async Task Redact_masks_the_resume_and_the_text_and_lists_the_masked_spans()
    {
        var (api, server) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        server.Default = FakeReply.Answer(SampleResume.Answer());

        var response = await api.CreateClient().PostAsync("/api/v1/parse?redact=true&includeText=true", Upload());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("jane.doe@example.com").And.NotContain("555-0100").And.NotContain("janeqdoe").And.NotContain("Jane Q. Doe");
        var json = JsonNode.Parse(body)!;
        json["resume"]!["candidate"]!["name"]!["raw"]!.GetValue<string>().Should().Be("[NAME]");
        json["resume"]!["workExperience"]![0]!["employer"]!.GetValue<string>().Should().Be("Acme Payments AG");
        json["extraction"]!["text"]!.GetValue<string>().Should().Contain("[EMAIL]").And.Contain("Acme Payments AG");
        var redactions = json["redactions"]!.AsArray().Select(r => (r!["path"]!.GetValue<string>(), r["kind"]!.GetValue<string>())).ToList();
        redactions.Should().Contain(("resume.candidate.emails[0]", "email")).And.Contain(("extraction.text", "phone")).And.Contain(("resume.candidate.links[0].url", "url"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Format_jsonresume_renders_the_result_as_json_resume_on_parse_and_bulk()
    {
        var (api, server) = await StartAsync();
        await using var _ = server;
        using var __ = api;
        server.Default = FakeReply.Answer(SampleResume.Answer());
        var client = api.CreateClient();

        var single = JsonNode.Parse(await (await client.PostAsync("/api/v1/parse?format=jsonresume", Upload())).Content.ReadAsStringAsync())!;
        var bulk = JsonNode.Parse(await (await client.PostAsync("/api/v1/bulk-parse-resumes?format=jsonresume&redact=true", Upload("files"))).Content.ReadAsStringAsync())!;

        single["resume"].Should().BeNull();
        single["jsonResume"]!["basics"]!["email"]!.GetValue<string>().Should().Be("jane.doe@example.com");
        single["jsonResume"]!["work"]![0]!["name"]!.GetValue<string>().Should().Be("Acme Payments AG");
        single["jsonResume"]!["basics"]!["profiles"]![0]!["network"]!.GetValue<string>().Should().Be("LinkedIn");
        var entry = bulk["results"]![0]!["result"]!;
        entry["jsonResume"]!["basics"]!["email"]!.GetValue<string>().Should().Be("[EMAIL]");
        entry["redactions"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_format_is_a_bad_request()
    {
        using var api = new ApiFactory();

        var response = await api.CreateClient().PostAsync("/api/v1/parse?format=xml", Upload());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("bad_request").And.Contain("jsonresume");
    }
}
