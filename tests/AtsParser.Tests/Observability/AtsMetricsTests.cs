using AtsParser.Api.Observability;
using FluentAssertions;
using Xunit;
using AtsParser.Core.Observability;

namespace AtsParser.Tests.Observability;

/// <summary>Through the real static meter and collector: what a feature calls is what /metrics shows.</summary>
public class AtsMetricsTests
{
    static MetricSeries? Find(string name, params (string K, string V)[] labels) =>
        MetricsCollector.Instance.Snapshot().Single(f => f.Name == name).Series
            .SingleOrDefault(s => labels.All(l => s.Labels.Contains(new KeyValuePair<string, string>(l.K, l.V))));

    [Fact]
    public void A_label_value_outside_its_closed_set_is_exported_as_other()
    {
        var before = Find("ats_cache_requests_total", ("result", "other"))?.Value ?? 0;

        AtsMetrics.CacheRequest("/home/alice/resume.pdf");

        Find("ats_cache_requests_total", ("result", "other"))!.Value.Should().Be(before + 1);
        MetricsCollector.Instance.Snapshot().SelectMany(f => f.Series).SelectMany(s => s.Labels)
            .Should().NotContain(l => l.Value.Contains("alice"));
    }

    [Fact]
    public void Extractor_names_that_are_not_simple_identifiers_become_other()
    {
        AtsMetrics.DocumentProcessed("pdf", "Evil Name{}", DocumentOutcome.Success, 0.1);

        Find("ats_documents_total", ("format", "pdf"), ("extractor", "other"), ("outcome", "success")).Should().NotBeNull();
    }

    [Fact]
    public void Llm_requests_count_tokens_by_kind_and_add_up_cost_under_the_configured_model_name()
    {
        AtsMetrics.UseModels(["gpt-4o", "gpt-4o-mini"]);
        var cost = Find("ats_llm_cost_usd_total", ("model", "gpt-4o-mini"))?.Value ?? 0;
        var input = Find("ats_llm_tokens_total", ("model", "gpt-4o-mini"), ("kind", "input"))?.Value ?? 0;

        AtsMetrics.LlmRequest("gpt-4o-mini-2024-07-18", LlmOutcome.Success, 1_000_000, 0, 0.15);

        Find("ats_llm_tokens_total", ("model", "gpt-4o-mini"), ("kind", "input"))!.Value.Should().Be(input + 1_000_000);
        Find("ats_llm_cost_usd_total", ("model", "gpt-4o-mini"))!.Value.Should().BeApproximately(cost + 0.15, 1e-9);
    }

    [Fact]
    public void A_model_that_is_not_configured_is_labelled_other()
    {
        AtsMetrics.UseModels(["gpt-4o-mini"]);

        AtsMetrics.LlmRequest("my-private-finetune-42", LlmOutcome.Error, 10, 0, 0);

        Find("ats_llm_requests_total", ("model", "other"), ("outcome", "error")).Should().NotBeNull();
    }

    [Fact]
    public void The_queue_depth_gauge_shows_the_latest_value()
    {
        AtsMetrics.JobsQueueDepth(42);
        AtsMetrics.JobsQueueDepth(5);

        Find("ats_jobs_queue_depth")!.Value.Should().Be(5);
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
    public void Process_metrics_report_memory_and_cpu_of_this_process()
    {
        ProcessMetrics.EnsureRegistered();

        Find("process_resident_memory_bytes")!.Value.Should().BeGreaterThan(10_000_000);
        Find("process_cpu_seconds_total")!.Value.Should().BeGreaterThan(0);
    }
}
