using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AtsParser.Api.Security;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Observability;

/// <summary>A real Prometheus (Debian's /usr/bin/prometheus) scraping the service on a real port, with an API key.</summary>
public class PrometheusScrapeTests
{
    const string Key = "prometheus-scrape-key";
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact(Timeout = 180_000)]
    public async Task After_a_parse_prometheus_returns_ats_documents_total_for_that_format()
    {
        await using var api = new KestrelApi();
        api.With("Security:ApiKeyHashes", ApiKeyHandler.HashOf(Key));
        var client = api.Client(Key);
        var dir = Directory.CreateTempSubdirectory("ats-prom-");
        var promPort = KestrelApi.FreePort();
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "key"), Key, _ct);
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: atsparser
                authorization:
                  type: ApiKey
                  credentials_file: {dir.FullName}/key
                static_configs:
                  - targets: ["127.0.0.1:{api.Port}"]
            """, _ct);
        using var prometheus = Process.Start(new ProcessStartInfo("/usr/bin/prometheus",
            [$"--config.file={dir.FullName}/prometheus.yml", $"--storage.tsdb.path={dir.FullName}/data", $"--web.listen-address=127.0.0.1:{promPort}"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _ = prometheus.StandardOutput.ReadToEndAsync(_ct);
        var log = prometheus.StandardError.ReadToEndAsync(_ct);
        try
        {
            var parse = await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("resume.pdf", File.ReadAllBytes(Corpus.PathOf("pdf/awesomecv_resume.pdf")))), _ct);
            parse.StatusCode.Should().Be(HttpStatusCode.OK);

            var result = await PollAsync(promPort, "ats_documents_total{format=\"pdf\",extractor=\"pdfwords\",outcome=\"success\"}");

            result.GetProperty("metric").GetProperty("job").GetString().Should().Be("atsparser");
            result.GetProperty("metric").GetProperty("extractor").GetString().Should().Be("pdfwords");
            double.Parse(result.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
            (await PollAsync(promPort, "up{job=\"atsparser\"} == 1")).GetProperty("value")[1].GetString().Should().Be("1");
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync(CancellationToken.None);
            dir.Delete(recursive: true);
        }
        prometheus.HasExited.Should().BeTrue((await log)[^Math.Min(2000, (await log).Length)..]);
    }

    /// <summary>Queries Prometheus's HTTP API until the expression has a sample (scrapes run every second).</summary>
    async Task<JsonElement> PollAsync(int port, string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (true)
        {
            _ct.ThrowIfCancellationRequested();
            try
            {
                var body = await http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query), _ct);
                var results = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("result");
                if (results.GetArrayLength() > 0) return results[0].Clone();
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(500, _ct);
        }
    }
}
