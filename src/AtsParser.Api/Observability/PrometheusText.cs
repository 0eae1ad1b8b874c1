using System.Globalization;
using System.Text;
using AtsParser.Core.Observability;

namespace AtsParser.Api.Observability;

/// <summary>
/// Writes metric families in the Prometheus text exposition format 0.0.4: HELP and TYPE lines, escaped label values,
/// histograms as cumulative _bucket{le=...} series ending in +Inf, then _sum and _count.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var sb = new StringBuilder(16 * 1024);
        foreach (var family in families)
        {
            var series = family.Series;
            if (series.Count == 0) continue;
            sb.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            sb.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            }).Append('\n');
            foreach (var s in series)
            {
                if (family.Kind != MetricKind.Histogram)
                {
                    Sample(sb, family.Name, s.Labels, null, s.Value);
                    continue;
                }
                var (cumulative, sum, count) = s.Histogram();
                for (var i = 0; i < cumulative.Length; i++)
                    Sample(sb, family.Name + "_bucket", s.Labels, Number(family.Buckets[i]), cumulative[i]);
                Sample(sb, family.Name + "_bucket", s.Labels, "+Inf", count);
                Sample(sb, family.Name + "_sum", s.Labels, null, sum);
                Sample(sb, family.Name + "_count", s.Labels, null, count);
            }
        }
        return sb.ToString();
    }

    static void Sample(StringBuilder sb, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        sb.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            sb.Append('{');
            var first = true;
            foreach (var (k, v) in labels)
            {
                if (!first) sb.Append(',');
                sb.Append(k).Append("=\"").Append(EscapeLabel(v)).Append('"');
                first = false;
            }
            if (le is not null) sb.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            sb.Append('}');
        }
        sb.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double v) => v switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(v) => "NaN",
        _ => v.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabel(string v) =>
        v.IndexOfAny(['\\', '"', '\n']) < 0 ? v : v.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    /// <summary>HELP text escapes backslash and line feed only.</summary>
    public static string EscapeHelp(string v) => v.Replace("\\", @"\\").Replace("\n", @"\n");
}
