using System.Diagnostics;
using System.Net;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Observability;

public class MetricsEndpointTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact(Timeout = 120_000)]
    public async Task Promtool_accepts_a_live_scrape_after_successful_and_failed_parses()
    {
        await using var api = new KestrelApi();
        var client = api.Client();
        (await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("cv.docx", File.ReadAllBytes(Corpus.PathOf("docx/soupboss_01-Accountant.docx")))), _ct))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("x.bin", [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10])), _ct))
            .IsSuccessStatusCode.Should().BeFalse();

        var scrape = await client.GetAsync("/metrics", _ct);
        var text = await scrape.Content.ReadAsStringAsync(_ct);

        scrape.Content.Headers.ContentType!.ToString().Should().StartWith("text/plain; version=0.0.4");
        text.Should().Contain("ats_documents_total{extractor=\"openxml\",format=\"docx\",outcome=\"success\"}");
        text.Should().MatchRegex("ats_documents_total\\{extractor=\"none\",format=\"[a-z]+\",outcome=\"rejected\"\\}");
        text.Should().Contain("http_requests_received_total{code=\"200\",method=\"POST\",controller=\"\",action=\"\",endpoint=\"/api/v1/parse\"}");
        text.Should().Contain("# TYPE http_request_duration_seconds histogram").And.Contain("process_working_set_bytes");
        text.Should().Contain("ats_tool_available{required=\"true\",tool=\"pdftotext\"} 1");
        var promtool = await Run("promtool", ["check", "metrics"], text);
        promtool.Exit.Should().Be(0, promtool.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_request_body_beyond_the_endpoint_limit_is_refused_with_413()
    {
        await using var api = new KestrelApi();
        api.With("Extraction:MaxFileSizeBytes", "100000");
        var client = api.Client();
        var form = new MultipartFormDataContent { { new StringContent(new string('x', 3_000_000)), "padding" } };

        var r = await client.PostAsync("/api/v1/parse", form, _ct);

        r.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    static async Task<(int Exit, string Output)> Run(string file, string[] args, string stdin)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        await p.WaitForExitAsync();
        return (p.ExitCode, await output + await error);
    }
}
