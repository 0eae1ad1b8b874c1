using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AtsParser.Core.Observability;

public enum MetricKind { Counter, Gauge, Histogram }

/// <summary>
/// Aggregates every instrument of the "AtsParser" meter in memory (hand-written; prometheus-net.AspNetCore is to replace
/// it, issue 11): a MeterListener adds counter increments, sets gauges and observable values, and fills histogram
/// buckets from the instrument's advice.
/// One collector per process, like the static meter it listens to, so /metrics shows cumulative values from start-up.
/// </summary>
public sealed class MetricsCollector
{
    static readonly Lazy<MetricsCollector> Shared = new(() => new MetricsCollector());
    static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    readonly Lock _observeLock = new();

    public static MetricsCollector Instance => Shared.Value;

    public static void EnsureStarted() => _ = Shared.Value;

    MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != AtsMetrics.MeterName) return;
            var family = _families.GetOrAdd(instrument.Name, _ => Describe(instrument));
            listener.EnableMeasurementEvents(instrument, family);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.Start();
    }

    /// <summary>A consistent view for one scrape: observable instruments are sampled first.</summary>
    public IReadOnlyList<MetricFamily> Snapshot()
    {
        lock (_observeLock) _listener.RecordObservableInstruments();
        return _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    static MetricFamily Describe(Instrument instrument)
    {
        var type = instrument.GetType().GetGenericTypeDefinition();
        // Counters and up-down counters add; observable instruments and gauges report the current value.
        (MetricKind kind, bool set) = type switch
        {
            _ when type == typeof(Counter<>) => (MetricKind.Counter, false),
            _ when type == typeof(ObservableCounter<>) => (MetricKind.Counter, true),
            _ when type == typeof(UpDownCounter<>) => (MetricKind.Gauge, false),
            _ when type == typeof(Histogram<>) => (MetricKind.Histogram, false),
            _ => (MetricKind.Gauge, true),
        };
        var buckets = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        return new MetricFamily(instrument.Name, instrument.Description ?? instrument.Name, kind, set, buckets ?? DefaultBuckets);
    }
}

/// <summary>One metric name with all its label sets.</summary>
public sealed class MetricFamily(string name, string help, MetricKind kind, bool setsValue, double[] buckets)
{
    readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public string Help { get; } = help;
    public MetricKind Kind { get; } = kind;
    public IReadOnlyList<double> Buckets { get; } = buckets;

    public IReadOnlyList<MetricSeries> Series => _series.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

    internal void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++) labels[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
        var series = _series.GetOrAdd(key, _ => new MetricSeries(key, labels, Kind == MetricKind.Histogram ? Buckets.Count : 0));
        if (Kind == MetricKind.Histogram) series.Observe(value, Buckets);
        else if (setsValue) series.Set(value);
        else series.Add(value);
    }
}

public sealed class MetricSeries(string key, KeyValuePair<string, string>[] labels, int buckets)
{
    readonly Lock _lock = new();
    readonly long[] _bucketCounts = new long[buckets];
    double _value;
    double _sum;
    long _count;

    public string Key { get; } = key;
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

    public double Value { get { lock (_lock) return _value; } }

    internal void Add(double v) { lock (_lock) _value += v; }

    internal void Set(double v) { lock (_lock) _value = v; }

    internal void Observe(double v, IReadOnlyList<double> bounds)
    {
        lock (_lock)
        {
            for (var i = 0; i < bounds.Count; i++)
                if (v <= bounds[i]) { _bucketCounts[i]++; break; }
            _sum += v;
            _count++;
        }
    }

    /// <summary>Cumulative bucket counts (as Prometheus wants them), sum and count, read together.</summary>
    public (long[] Cumulative, double Sum, long Count) Histogram()
    {
        lock (_lock)
        {
            var cumulative = new long[_bucketCounts.Length];
            long running = 0;
            for (var i = 0; i < cumulative.Length; i++) cumulative[i] = running += _bucketCounts[i];
            return (cumulative, _sum, _count);
        }
    }
}
