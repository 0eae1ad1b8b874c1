using AtsParser.Api.Observability;
using FluentAssertions;
using Prometheus;
using Xunit;

namespace AtsParser.Tests.Observability;

public sealed class ProcessMetricsTests
{
    [Fact]
    public async Task Scrapes_within_a_second_reuse_the_process_figures_and_a_scrape_after_it_reads_them_again()
    {
        var clock = new ManualClock();
        var registry = Metrics.NewCustomRegistry();
        ProcessMetrics.Register(registry, clock);
        static double Gen0(string scrape) => Exposition.Sample(scrape, "dotnet_collection_count_total", ("generation", "0"))!.Value;

        var first = Gen0(await Exposition.ScrapeAsync(registry));
        GC.Collect(0);
        clock.Advance(ProcessMetrics.RefreshInterval - TimeSpan.FromMilliseconds(1));
        var soon = Gen0(await Exposition.ScrapeAsync(registry));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var later = Gen0(await Exposition.ScrapeAsync(registry));

        soon.Should().Be(first, "a scrape within the interval reuses the last reading");
        later.Should().BeGreaterThan(first, "a scrape after the interval reads the collection that happened");
    }

    [Fact]
    public async Task Every_series_of_prometheus_nets_DotNetStats_is_exported_with_its_name_type_and_help()
    {
        var theirs = Metrics.NewCustomRegistry();
        DotNetStats.Register(theirs);
        var ours = Metrics.NewCustomRegistry();
        ProcessMetrics.Register(ours);
        static IEnumerable<string> Declarations(string scrape) => scrape.Split('\n').Where(l => l.StartsWith('#'));

        var expected = Declarations(await Exposition.ScrapeAsync(theirs)).ToList();
        var exported = Declarations(await Exposition.ScrapeAsync(ours)).ToList();

        expected.Should().NotBeEmpty();
        exported.Should().StartWith(expected, "dashboards and alerts written for DotNetStats keep working");
        exported.Should().Contain(["# TYPE dotnet_gc_heap_size_bytes gauge", "# TYPE dotnet_gc_pause_seconds_total counter", "# TYPE dotnet_threadpool_queue_length gauge"]);
    }

    sealed class ManualClock : TimeProvider
    {
        long _ticks = 1_000_000;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
