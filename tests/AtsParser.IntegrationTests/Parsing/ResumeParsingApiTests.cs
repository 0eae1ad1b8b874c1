using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Parsing;

public class ResumeParsingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact(Timeout = 120_000)]
    public async Task Parse_returns_a_resume_with_the_candidates_email_and_jobs()
    {
        var ct = TestContext();
        using var client = factory.CreateClient();
        var bytes = await File.ReadAllBytesAsync(Corpus.PathOf("docx/soupboss_02-Desktop_Support.docx"), ct);
        using var response = await client.PostAsync("/api/v1/parse?asOf=2026-01-15", ApiFactory.Form("file", ("resume.docx", bytes)), ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var resume = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["resume"]!;
        resume["candidate"]!["emails"]!.AsArray().Select(e => e!.GetValue<string>()).Should().Contain("emoore@email.com");
        resume["workExperience"]!.AsArray().Should().HaveCount(3);
        resume["derived"]!["currentEmployer"]!.GetValue<string>().Should().Be("Meyer Tech Inc.");
        resume["meta"]!["parser"]!.GetValue<string>().Should().Be("heuristic");
        resume["meta"]!["asOf"]!.GetValue<string>().Should().Be("2026-01-15");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_schema_is_served_and_a_parsed_resume_has_every_property_it_requires()
    {
        var ct = TestContext();
        using var client = factory.CreateClient();
        using var schemaResponse = await client.GetAsync("/schemas/resume-v1.json", ct);
        schemaResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        schemaResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/schema+json");
        var schema = JsonNode.Parse(await schemaResponse.Content.ReadAsStringAsync(ct))!;

        var bytes = await File.ReadAllBytesAsync(Corpus.PathOf("txt/soupboss_sample_resume.txt"), ct);
        using var response = await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("resume.txt", bytes)), ct);
        var resume = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["resume"]!;

        AssertRequired(schema, resume, "resume");
        foreach (var section in new[] { "candidate", "derived", "quality", "meta" })
            AssertRequired(schema["properties"]![section]!, resume[section]!, section);
        foreach (var job in resume["workExperience"]!.AsArray())
            AssertRequired(schema["properties"]!["workExperience"]!["items"]!, job!, "workExperience[]");
        resume["meta"]!["schemaVersion"]!.GetValue<string>().Should().Be(schema["properties"]!["meta"]!["properties"]!["schemaVersion"]!["const"]!.GetValue<string>());
    }

    static void AssertRequired(JsonNode schema, JsonNode value, string path)
    {
        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var present = value.AsObject().Select(p => p.Key).ToList();
        present.Should().Contain(required, $"{path} must carry every property the schema requires");
        foreach (var name in present)
            schema["properties"]!.AsObject().ContainsKey(name).Should().BeTrue($"{path}.{name} must be described by the schema");
    }

    static CancellationToken TestContext() => CancellationToken.None;
}
