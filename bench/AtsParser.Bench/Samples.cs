using System.Diagnostics;
using System.Globalization;

namespace AtsParser.Bench;

/// <summary>Wall-clock samples of one case, in milliseconds.</summary>
public sealed class Samples(string name)
{
    readonly List<double> _ms = [];

    public string Name { get; } = name;
    public int Count => _ms.Count;
    public IReadOnlyList<double> Values => _ms;

    public void Add(double ms) => _ms.Add(ms);

    public async Task<T> TimeAsync<T>(Func<Task<T>> work)
    {
        var sw = Stopwatch.StartNew();
        var result = await work();
        Add(sw.Elapsed.TotalMilliseconds);
        return result;
    }

    public double Median => Percentile(50);
    public double P95 => Percentile(95);
    /// <summary>Sequential throughput: documents per second of summed wall time.</summary>
    public double DocsPerSecond => _ms.Count == 0 ? 0 : _ms.Count / (_ms.Sum() / 1000);

    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        var sorted = _ms.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /// <summary>Median of per-pair ratios a[i]/b[i]: pairs ran back to back, so machine noise mostly cancels.</summary>
    public static double PairedRatio(Samples a, Samples b) =>
        new Samples("ratio").With(a._ms.Zip(b._ms, (x, y) => x / y)).Median;

    Samples With(IEnumerable<double> values) { _ms.AddRange(values); return this; }
}

public static class Fmt
{
    public static string Ms(double v) => double.IsNaN(v) ? "-" : v >= 100 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.0", CultureInfo.InvariantCulture);
    public static string Rate(double v) => v >= 10 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.0#", CultureInfo.InvariantCulture);
    public static string Ratio(double v) => double.IsNaN(v) ? "-" : v.ToString(v < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×";
}
