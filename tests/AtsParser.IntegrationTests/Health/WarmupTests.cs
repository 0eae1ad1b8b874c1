using System.Net;
using System.Text.Json;
using AtsParser.Api.Warmup;
using AtsParser.Core.Parsing;
using AtsParser.Core.Pipeline;
using AtsParser.IntegrationTests.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AtsParser.IntegrationTests.Health;

/// <summary>The start-up warm-up (WARMUP_*): real readers, the PDF worker and the parser over built-in samples.</summary>
public sealed class WarmupTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact(Timeout = 180_000)]
    public async Task Every_warmup_sample_is_read_by_its_own_reader_and_parses_into_a_resume_with_contact_and_history()
    {
        await using var api = new ApiFactory();
        var pipeline = api.Services.GetRequiredService<DocumentPipeline>();

        var samples = WarmupDocuments.All();

        samples.Select(s => Path.GetExtension(s.FileName)).Distinct().Should().BeEquivalentTo([".txt", ".docx", ".pdf", ".html", ".odt", ".rtf"]);
        foreach (var sample in samples)
        {
            var result = await pipeline.ProcessAsync(new Upload(sample.FileName, null, sample.Bytes, null), new ParseRequestOptions(), _ct);
            new[] { "libreoffice", "pandoc", "tesseract" }.Should().NotContain(result.Extraction.ExtractedBy, $"{sample.FileName} is read in-process (or by the PDF worker)");
            var resume = result.Resume!;
            resume.Candidate.Emails.Should().ContainSingle(sample.FileName);
            resume.Candidate.Name.Should().NotBeNull(sample.FileName);
            resume.WorkExperience.Should().HaveCountGreaterThanOrEqualTo(2, sample.FileName);
            resume.Education.Should().NotBeEmpty(sample.FileName);
            resume.Skills.Should().NotBeEmpty(sample.FileName);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Readiness_is_503_while_the_warmup_runs_and_ready_once_it_is_capped()
    {
        // Far more rounds than fit in the cap: the warm-up is still running at the first probe and ends at the cap.
        await using var api = new ApiFactory().With("Warmup:Enabled", "true").With("Warmup:Rounds", "1000").With("Warmup:MaxSeconds", "6");
        var client = api.CreateClient();

        var first = await client.GetAsync("/health/ready", _ct);
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync(_ct)).RootElement;

        first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().Should().Be("not_ready");
        body.GetProperty("checks").EnumerateArray().Should().Contain(c => c.GetProperty("name").GetString() == "warmup" && c.GetProperty("status").GetString() == "unhealthy");
        (await client.ParseAsync(SampleResumes.Nurse())).Response.StatusCode.Should().Be(HttpStatusCode.OK, "an upload that arrives during the warm-up is still served");

        var state = api.Services.GetRequiredService<WarmupState>();
        (await Task.WhenAny(state.WhenCompleted, Task.Delay(TimeSpan.FromSeconds(90), _ct))).Should().BeSameAs(state.WhenCompleted, "the cap ends the warm-up");
        var after = await client.GetAsync("/health/ready", _ct);
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        state.Documents.Should().BeGreaterThan(0).And.BeLessThan(1000 * WarmupDocuments.All().Count);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_finished_warmup_parsed_every_sample_and_counted_none_of_them_in_the_metrics()
    {
        await using var api = new ApiFactory().With("Warmup:Enabled", "true").With("Warmup:Rounds", "2");
        var client = api.CreateClient();
        var state = api.Services.GetRequiredService<WarmupState>();

        await state.WhenCompleted.WaitAsync(TimeSpan.FromSeconds(120), _ct);
        var metrics = await client.GetStringAsync("/metrics", _ct);

        state.Failures.Should().Be(0);
        state.Documents.Should().Be(2 * WarmupDocuments.All().Count);
        (await client.GetAsync("/health/ready", _ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        metrics.Should().NotContain("ats_documents_total{", "warm-up samples are not parses of the service");
    }
}
