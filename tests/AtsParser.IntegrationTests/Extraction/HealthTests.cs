using System.Net;
using System.Text.Json;
using AtsParser.Core.Extraction;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

public sealed class AntiwordOffHost() : ExtractionHost(("Extraction:EnableAntiword", "false"), ("Extraction:EnableWordReader", "false"));

[Collection(ExtractionCollection.Name)]
public class HealthTests(AntiwordOffHost host) : IClassFixture<AntiwordOffHost>
{
    async Task<JsonElement> GetJson(string path)
    {
        var response = await host.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Liveness_answers_ok()
    {
        (await GetJson("/health")).GetProperty("status").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task Readiness_answers_ready_when_every_required_tool_is_installed()
    {
        (await GetJson("/health/ready")).GetProperty("status").GetString().Should().Be("ready");
    }

    [Fact]
    public async Task Startup_status_lists_every_tool_with_path_version_and_flags_and_shows_a_disabled_one()
    {
        var tools = (await GetJson("/startup-status")).GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        tools.Keys.Should().Contain(["pdftotext", "pdfinfo", "pdftoppm", "tesseract", "antiword", "soffice", "pandoc"]);
        tools["antiword"].GetProperty("enabled").GetBoolean().Should().BeFalse();
        tools["antiword"].GetProperty("available").GetBoolean().Should().BeTrue();
        tools["pdftotext"].GetProperty("enabled").GetBoolean().Should().BeTrue();
        tools["pdftotext"].GetProperty("path").GetString().Should().EndWith("/pdftotext");
        tools["pdftotext"].GetProperty("version").GetString().Should().MatchRegex(@"\d+\.\d+");
        tools["soffice"].GetProperty("version").GetString().Should().Contain("LibreOffice");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_parse_and_bulk_endpoints()
    {
        var paths = (await GetJson("/openapi/v1.json")).GetProperty("paths");

        paths.TryGetProperty("/api/v1/parse", out _).Should().BeTrue();
        paths.TryGetProperty("/api/v1/bulk-parse-resumes", out _).Should().BeTrue();
        paths.TryGetProperty("/health/ready", out _).Should().BeTrue();
    }

    [Fact(Timeout = 300_000)]
    public async Task With_antiword_disabled_a_word_file_falls_back_to_libreoffice_and_the_skip_is_recorded()
    {
        var reply = await host.ParseAsync("klair.doc", await File.ReadAllBytesAsync(Corpus.PathOf("doc/klair_resume.doc")));

        reply.Status.Should().Be(200, reply.Body);
        reply.ExtractedBy.Should().Be("libreoffice");
        var attempts = reply.Extraction.GetProperty("attempts").EnumerateArray().Select(a => (a.GetProperty("tool").GetString(), a.GetProperty("outcome").GetString()));
        attempts.Should().Equal(("antiword", "disabled"), ("libreoffice", "success"));
        reply.Text.Should().Contain("kishanmadhesiya@gmail.com");
        host.TempEntries().Should().BeEmpty();
    }
}

/// <summary>A machine without pdftotext: the registry is told so, the way it would find PATH.</summary>
public sealed class NoPdftotextHost() : ExtractionHost(new NoPdftotextFactory())
{
    sealed class NoPdftotextFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton(sp => new ToolRegistry(
                sp.GetRequiredService<IOptions<ExtractionOptions>>(), binary => binary is "pdftotext" or "pdfwords" ? null : "/usr/bin/" + binary)));
        }
    }
}

[Collection(ExtractionCollection.Name)]
public class MissingToolTests(NoPdftotextHost host) : IClassFixture<NoPdftotextHost>
{
    [Fact]
    public async Task Readiness_fails_with_503_and_names_the_missing_tool()
    {
        var response = await host.Client.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("missingTools").EnumerateArray().Select(t => t.GetString()).Should().Equal("pdftotext");
    }

    [Fact(Timeout = 300_000)]
    public async Task A_pdf_falls_through_to_ocr_when_pdftotext_is_missing()
    {
        var reply = await host.ParseAsync("openresume.pdf", await File.ReadAllBytesAsync(Corpus.PathOf("pdf/openresume_openresume-resume.pdf")));

        reply.Status.Should().Be(200, reply.Body);
        reply.ExtractedBy.Should().Be("ocr");
        reply.Extraction.GetProperty("attempts")[0].GetProperty("outcome").GetString().Should().Be("unavailable");
    }
}
