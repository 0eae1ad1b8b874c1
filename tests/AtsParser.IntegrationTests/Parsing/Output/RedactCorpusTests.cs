using System.Net;
using System.Text.Json.Nodes;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Parsing.Output;

/// <summary>?redact=true on real documents through the heuristic parser: none of the candidate's name, e-mails, phones or links (from the truth keys) is left anywhere in the response, extracted text included.</summary>
public sealed class RedactCorpusTests : IClassFixture<ApiFactory>
{
    readonly ApiFactory _api;

    public RedactCorpusTests(ApiFactory api) => _api = api;

    [Theory(Timeout = 180_000)]
    [InlineData("docx/soupboss_01-Accountant.docx")]
    [InlineData("pdf/awesomecv_resume.pdf")]
    [InlineData("pdf/openresume_laverne-resume.pdf")]
    public async Task Redacted_parse_leaves_no_name_email_phone_or_link_of_the_candidate(string file)
    {
        var truth = JsonNode.Parse(await File.ReadAllTextAsync(Corpus.PathOf($"truth/{Path.GetFileName(file)}.json")))!;
        var form = ApiFactory.Form("file", (Path.GetFileName(file), await File.ReadAllBytesAsync(Corpus.PathOf(file))));

        var response = await _api.CreateClient().PostAsync("/api/v1/parse?redact=true&includeText=true", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!;
        var visible = (json["resume"]!.ToJsonString() + json["extraction"]!["text"]!.GetValue<string>()).ToLowerInvariant();
        var secrets = new[] { truth["name"]!.GetValue<string>() }
            .Concat(truth["emails"]!.AsArray().Select(e => e!.GetValue<string>()))
            .Concat(truth["phones"]!.AsArray().Select(p => p!.GetValue<string>()))
            .Concat(truth["links"]!.AsArray().Select(l => l!.GetValue<string>().Replace("https://", "").Replace("www.", "")));
        foreach (var secret in secrets) visible.Should().NotContain(secret.ToLowerInvariant(), $"'{secret}' is personal data");
        json["redactions"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()).Should().Contain(["name", "email", "phone"]);
    }
}
