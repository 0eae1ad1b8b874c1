using AtsParser.Api.Observability;
using AtsParser.Tests.Deployment;
using FluentAssertions;
using Xunit;
using AtsParser.Core.Observability;

namespace AtsParser.Tests.Observability;

public class PrometheusTextTests
{
    static KeyValuePair<string, object?>[] Tags(params (string K, string V)[] tags) => tags.Select(t => new KeyValuePair<string, object?>(t.K, t.V)).ToArray();

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline()
    {
        var family = new MetricFamily("t_escapes_total", "Escapes.", MetricKind.Counter, false, []);
        family.Record(1, Tags(("v", "a\\b\"c\nd")));

        PrometheusText.Write([family]).Should().Contain("t_escapes_total{v=\"a\\\\b\\\"c\\nd\"} 1\n");
    }

    [Fact]
    public void Help_text_escapes_backslash_and_newline_but_not_quotes()
    {
        var family = new MetricFamily("t_help_total", "line one\nsays \"hi\" \\ bye", MetricKind.Counter, false, []);
        family.Record(1, []);

        PrometheusText.Write([family]).Should().StartWith("# HELP t_help_total line one\\nsays \"hi\" \\\\ bye\n# TYPE t_help_total counter\n");
    }

    [Fact]
    public void Histograms_have_cumulative_buckets_ending_in_plus_inf_then_sum_and_count()
    {
        var family = new MetricFamily("t_seconds", "Latency.", MetricKind.Histogram, false, [0.1, 1]);
        foreach (var v in new[] { 0.05, 0.5, 0.7, 3 }) family.Record(v, Tags(("format", "pdf")));

        var lines = PrometheusText.Write([family]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().Equal(
            "# HELP t_seconds Latency.",
            "# TYPE t_seconds histogram",
            "t_seconds_bucket{format=\"pdf\",le=\"0.1\"} 1",
            "t_seconds_bucket{format=\"pdf\",le=\"1\"} 3",
            "t_seconds_bucket{format=\"pdf\",le=\"+Inf\"} 4",
            "t_seconds_sum{format=\"pdf\"} 4.25",
            "t_seconds_count{format=\"pdf\"} 4");
    }

    [Fact]
    public void Series_with_the_same_labels_in_any_order_are_one_series()
    {
        var family = new MetricFamily("t_docs_total", "Docs.", MetricKind.Counter, false, []);
        family.Record(1, Tags(("a", "1"), ("b", "2")));
        family.Record(2, Tags(("b", "2"), ("a", "1")));

        family.Series.Should().ContainSingle().Which.Value.Should().Be(3);
    }

    [Fact]
    public void Gauges_report_the_last_value_set()
    {
        var family = new MetricFamily("t_depth", "Depth.", MetricKind.Gauge, true, []);
        family.Record(7, []);
        family.Record(3, []);

        PrometheusText.Write([family]).Should().Contain("t_depth 3\n").And.Contain("# TYPE t_depth gauge");
    }

    [Fact]
    public void Special_values_use_the_exposition_spelling()
    {
        PrometheusText.Number(double.PositiveInfinity).Should().Be("+Inf");
        PrometheusText.Number(double.NegativeInfinity).Should().Be("-Inf");
        PrometheusText.Number(double.NaN).Should().Be("NaN");
        PrometheusText.Number(0.25).Should().Be("0.25");
    }

    [Fact(Timeout = 60_000)]
    public async Task Promtool_accepts_the_output_including_escaped_labels_and_histograms()
    {
        var counter = new MetricFamily("t_promtool_total", "Quotes \" and \\ backslashes.", MetricKind.Counter, false, []);
        counter.Record(2, Tags(("path", "C:\\dir\\\"x\"\n")));
        var histogram = new MetricFamily("t_promtool_seconds", "A histogram.", MetricKind.Histogram, false, [0.5, 1]);
        histogram.Record(0.7, Tags(("format", "docx")));

        var r = await Repo.RunAsync("promtool", ["check", "metrics"], stdin: PrometheusText.Write([counter, histogram]));

        r.ExitCode.Should().Be(0, r.Output);
    }
}
