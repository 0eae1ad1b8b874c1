using System.Text.Json;
using System.Text.RegularExpressions;
using AtsParser.Api.Observability;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using Xunit;
using AtsParser.Core.Observability;

namespace AtsParser.Tests.Deployment;

/// <summary>prometheus/ and grafana/ checked with promtool and against the metrics the service actually defines.</summary>
public class MonitoringFilesTests
{
    static readonly JsonElement Dashboard = Repo.Json("grafana/dashboards/atsparser.json");

    static IReadOnlyList<string> DashboardQueries() =>
        Dashboard.GetProperty("panels").EnumerateArray().Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();

    /// <summary>Every metric name the service's registry exports (ats_*, HTTP, process), with the histogram series suffixes.</summary>
    static async Task<HashSet<string>> ExportedAsync()
    {
        await using var services = new ServiceCollection().AddObservability().BuildServiceProvider();
        services.GetRequiredService<AtsMetrics>();
        new ApplicationBuilder(services).UseRequestMetrics().Build(); // the HTTP metrics are created with the pipeline
        var text = await Observability.Exposition.ScrapeAsync(services.GetRequiredService<CollectorRegistry>());
        return Regex.Matches(text, @"^# TYPE (\w+) (\w+)$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[2].Value == "histogram"
                ? [m.Groups[1].Value + "_bucket", m.Groups[1].Value + "_sum", m.Groups[1].Value + "_count"]
                : new[] { m.Groups[1].Value })
            .Append("up").ToHashSet();
    }

    static IEnumerable<string> MetricNames(string promql) =>
        Regex.Matches(Regex.Replace(promql, "\"[^\"]*\"", "\"\""), @"\b((?:ats|http|process|dotnet)_[a-z_]+|up)\b(?=\s*[{\[)]|\s*$|\s*[=!<>]|\s)").Select(m => m.Groups[1].Value);

    [Fact(Timeout = 60_000)]
    public async Task Promtool_accepts_the_prometheus_config()
    {
        var r = await Repo.RunAsync("promtool", ["check", "config", "prometheus/prometheus.yml"]);

        r.ExitCode.Should().Be(0, r.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var r = await Repo.RunAsync("promtool", ["check", "rules", "prometheus/alerts.yml"]);

        r.ExitCode.Should().Be(0, r.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_alert_fires_on_series_made_to_trigger_it_in_promtool_unit_tests()
    {
        var r = await Repo.RunAsync("promtool", ["test", "rules", "prometheus/alerts.test.yml"]);

        r.ExitCode.Should().Be(0, r.Output);
        var tested = System.Text.RegularExpressions.Regex.Matches(Repo.Read("prometheus/alerts.test.yml"), @"alertname: (\w+)").Select(m => m.Groups[1].Value).ToHashSet();
        var alerts = System.Text.RegularExpressions.Regex.Matches(Repo.Read("prometheus/alerts.yml"), @"- alert: (\w+)").Select(m => m.Groups[1].Value).ToList();
        alerts.Should().NotBeEmpty().And.OnlyContain(a => tested.Contains(a), "every alert rule needs a promtool case that makes it fire");
    }

    [Fact]
    public void The_alerts_cover_errors_latency_backlog_dead_letters_llm_cost_tools_and_instances()
    {
        var alerts = Repo.Read("prometheus/alerts.yml");
        var names = Regex.Matches(alerts, @"- alert: (\w+)").Select(m => m.Groups[1].Value).ToList();

        names.Should().Contain(["AtsParserErrorRateCritical", "AtsParserErrorRateWarning", "AtsParserParseLatencyHigh", "AtsParserQueueBacklog",
            "AtsParserDeadLetterGrowth", "AtsParserLlmErrorRateHigh", "AtsParserLlmCostBurnHigh", "AtsParserRequiredToolUnavailable", "AtsParserInstanceDown"]);
        alerts.Should().Contain("> 0.10").And.Contain("> 0.05");
    }

    [Fact(Timeout = 60_000)]
    public async Task Alert_rules_and_dashboard_queries_only_use_metrics_the_service_exports()
    {
        var exported = await ExportedAsync();
        var rules = (await Repo.YamlAsync(Repo.Read("prometheus/alerts.yml"))).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray()).Select(r => r.GetProperty("expr").GetString()!);
        var exprs = rules.Concat(DashboardQueries()).ToList();

        exprs.Should().HaveCountGreaterThan(20);
        exprs.SelectMany(MetricNames).Distinct().Where(n => !n.StartsWith("atsparser")).Should().BeSubsetOf(exported);
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_dashboard_query_is_valid_promql()
    {
        // promtool has no expression checker, so each query becomes a recording rule and the rule file is checked.
        var rules = "groups:\n  - name: dashboard\n    rules:\n" + string.Join("", DashboardQueries().Select((q, i) =>
            $"      - record: dashboard:q{i}\n        expr: {JsonSerializer.Serialize(q.Replace("$__rate_interval", "5m"))}\n"));
        var file = Path.Combine(Directory.CreateTempSubdirectory("ats-dash-").FullName, "rules.yml");
        await File.WriteAllTextAsync(file, rules);

        var r = await Repo.RunAsync("promtool", ["check", "rules", file]);

        r.ExitCode.Should().Be(0, r.Output + rules);
        Directory.Delete(Path.GetDirectoryName(file)!, true);
    }

    [Fact]
    public void The_dashboard_has_the_required_panels_unique_ids_and_a_datasource_variable()
    {
        var panels = Dashboard.GetProperty("panels").EnumerateArray().ToList();
        panels.Select(p => p.GetProperty("id").GetInt32()).Should().OnlyHaveUniqueItems();
        var titles = panels.Select(p => p.GetProperty("title").GetString()!).ToList();
        titles.Should().Contain(["Documents/s by format", "Success ratio by format", "Document latency percentiles", "Extractor usage",
            "OCR share of documents", "Tokens/s by model and kind", "Spend per hour (USD)", "Cache hit ratio", "Queue depth", "Resident memory"]);
        Dashboard.GetProperty("templating").GetProperty("list")[0].GetProperty("name").GetString().Should().Be("datasource");
        foreach (var p in panels.Where(p => p.TryGetProperty("targets", out _)))
            p.GetProperty("datasource").GetProperty("uid").GetString().Should().Be("${datasource}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Grafana_provisioning_points_at_the_compose_prometheus_and_the_mounted_dashboards()
    {
        var ds = (await Repo.YamlAsync(Repo.Read("grafana/provisioning/datasources/prometheus.yml"))).GetProperty("datasources")[0];
        var provider = (await Repo.YamlAsync(Repo.Read("grafana/provisioning/dashboards/atsparser.yml"))).GetProperty("providers")[0];

        ds.GetProperty("type").GetString().Should().Be("prometheus");
        ds.GetProperty("url").GetString().Should().Be("http://prometheus:9090");
        provider.GetProperty("options").GetProperty("path").GetString().Should().Be("/var/lib/grafana/dashboards");
        Repo.Read("docker-compose.yml").Should().Contain("./grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }
}
