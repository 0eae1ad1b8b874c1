using System.Text.RegularExpressions;
using AtsParser.Api.Observability;
using AtsParser.Core.Observability;
using AtsParser.Tests.Deployment;
using FluentAssertions;
using Prometheus;
using Xunit;
using static AtsParser.Tests.Observability.Exposition;

namespace AtsParser.Tests.Observability;

/// <summary>Through a real prometheus-net registry: what a feature calls is what /metrics shows.</summary>
public class AtsMetricsTests
{
    readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    readonly AtsMetrics _metrics;

    public AtsMetricsTests() => _metrics = new AtsMetrics(_registry);

    [Fact]
    public async Task A_label_value_outside_its_closed_set_is_exported_as_other()
    {
        _metrics.CacheRequest("/home/alice/resume.pdf");

        var text = await ScrapeAsync(_registry);
        Sample(text, "ats_cache_requests_total", ("result", "other")).Should().Be(1);
        text.Should().NotContain("alice");
    }

    [Fact]
    public async Task Extractor_names_that_are_not_simple_identifiers_become_other()
    {
        _metrics.DocumentProcessed("pdf", "Evil Name{}", DocumentOutcome.Success, 0.1);

        var text = await ScrapeAsync(_registry);
        text.Should().Contain("ats_documents_total{extractor=\"other\",format=\"pdf\",outcome=\"success\"} 1\n");
        Sample(text, "ats_document_duration_seconds_count", ("format", "pdf")).Should().Be(1);
    }

    [Fact]
    public async Task Llm_requests_count_tokens_by_kind_and_add_up_cost_under_the_configured_model_name()
    {
        _metrics.UseModels(["gpt-4o", "gpt-4o-mini"]);

        _metrics.LlmRequest("gpt-4o-mini-2024-07-18", LlmOutcome.Success, 1_000_000, 0, 0.15);
        _metrics.LlmRequest("gpt-4o-mini-2024-07-18", LlmOutcome.Success, 500, 20, 0.15);

        var text = await ScrapeAsync(_registry);
        Sample(text, "ats_llm_tokens_total", ("kind", "input"), ("model", "gpt-4o-mini")).Should().Be(1_000_500);
        Sample(text, "ats_llm_tokens_total", ("kind", "output"), ("model", "gpt-4o-mini")).Should().Be(20);
        Sample(text, "ats_llm_cost_usd_total", ("model", "gpt-4o-mini")).Should().BeApproximately(0.30, 1e-9);
        Sample(text, "ats_llm_requests_total", ("model", "gpt-4o-mini"), ("outcome", "success")).Should().Be(2);
    }

    [Fact]
    public async Task A_model_that_is_not_configured_is_labelled_other()
    {
        _metrics.UseModels(["gpt-4o-mini"]);

        _metrics.LlmRequest("my-private-finetune-42", LlmOutcome.Error, 10, 0, 0);

        Sample(await ScrapeAsync(_registry), "ats_llm_requests_total", ("model", "other"), ("outcome", "error")).Should().Be(1);
    }

    [Fact]
    public async Task The_queue_depth_gauge_shows_the_latest_value()
    {
        _metrics.JobsQueueDepth(42);
        _metrics.JobsQueueDepth(5);

        Sample(await ScrapeAsync(_registry), "ats_jobs_queue_depth").Should().Be(5);
    }

    [Fact]
    public async Task Gauges_that_were_never_set_are_left_out_instead_of_reading_zero()
    {
        var before = await ScrapeAsync(_registry);
        _metrics.LlmCalibration(3.6, 0.9);
        var after = await ScrapeAsync(_registry);

        Sample(before, "ats_jobs_queue_depth").Should().BeNull();
        Sample(before, "ats_llm_chars_per_token").Should().BeNull();
        Sample(after, "ats_llm_chars_per_token").Should().Be(3.6);
        Sample(after, "ats_llm_token_estimate_drift").Should().Be(0.9);
    }

    [Fact]
    public async Task The_ocr_page_counter_is_exported_at_zero_before_the_first_ocr_so_rate_has_a_baseline()
    {
        var before = await ScrapeAsync(_registry);
        _metrics.ExtractionCompleted("pdftotext+ocr", 2.5, 3);

        Sample(before, "ats_ocr_pages_total").Should().Be(0);
        Sample(await ScrapeAsync(_registry), "ats_ocr_pages_total").Should().Be(3);
    }

    [Fact]
    public async Task Every_ats_total_is_exported_as_a_counter_under_its_full_name()
    {
        var types = Regex.Matches(await ScrapeAsync(_registry), @"^# TYPE (ats_\w+) (\w+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        types.Should().ContainKeys("ats_documents_total", "ats_ocr_pages_total", "ats_llm_requests_total", "ats_llm_tokens_total",
            "ats_llm_cost_usd_total", "ats_cache_requests_total", "ats_jobs_total", "ats_webhook_deliveries_total");
        types.Where(t => t.Key.EndsWith("_total", StringComparison.Ordinal)).Should().OnlyContain(t => t.Value == "counter");
        types["ats_document_duration_seconds"].Should().Be("histogram");
        types["ats_jobs_queue_depth"].Should().Be("gauge");
    }

    [Fact]
    public async Task Two_registries_keep_separate_counts()
    {
        var other = Metrics.NewCustomRegistry();
        var otherMetrics = new AtsMetrics(other);

        _metrics.JobFinished(JobOutcome.DeadLettered);
        otherMetrics.JobFinished(JobOutcome.Succeeded);

        var text = await ScrapeAsync(_registry);
        Sample(text, "ats_jobs_total", ("outcome", "dead_lettered")).Should().Be(1);
        Sample(text, "ats_jobs_total", ("outcome", "succeeded")).Should().BeNull();
    }

    [Theory]
    [InlineData(null, "success")]
    [InlineData("unsupported_format", "rejected")]
    [InlineData("encrypted_document", "rejected")]
    [InlineData("extraction_failed", "failed")]
    [InlineData("extraction_timeout", "failed")]
    public void Error_codes_map_to_rejected_for_client_problems_and_failed_for_ours(string? code, string outcome) =>
        AtsMetrics.Outcome(code).Should().Be(outcome);

    [Fact]
    public async Task Process_metrics_report_memory_cpu_and_the_gc_heap_of_this_process()
    {
        ProcessMetrics.Register(_registry);

        var text = await ScrapeAsync(_registry);

        Sample(text, "process_working_set_bytes").Should().BeGreaterThan(10_000_000);
        Sample(text, "process_cpu_seconds_total").Should().BeGreaterThan(0);
        Sample(text, "dotnet_gc_heap_size_bytes").Should().BeGreaterThan(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Promtool_accepts_every_family_the_service_defines_with_and_without_samples()
    {
        ProcessMetrics.Register(_registry);
        _metrics.UseModels(["gpt-4o-mini"]);
        _metrics.DocumentProcessed("docx", "openxml", DocumentOutcome.Success, 0.2);
        _metrics.LlmRequest("gpt-4o-mini", LlmOutcome.Success, 100, 10, 0.001);
        _metrics.CompactionRatio(0.7);
        _metrics.ToolAvailable("pdftotext", true, true);

        var r = await Repo.RunAsync("promtool", ["check", "metrics"], stdin: await ScrapeAsync(_registry));

        r.ExitCode.Should().Be(0, r.Output);
    }
}
