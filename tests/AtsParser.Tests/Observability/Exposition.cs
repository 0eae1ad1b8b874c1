using System.Globalization;
using System.Text;
using Prometheus;

namespace AtsParser.Tests.Observability;

/// <summary>A registry's scrape in the Prometheus text format, and single samples read from it.</summary>
public static class Exposition
{
    public static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The value of the one sample of <paramref name="name"/> carrying every given label, or null when there is none.</summary>
    public static double? Sample(string text, string name, params (string Key, string Value)[] labels) =>
        text.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => labels.All(x => l.Contains($"{x.Key}=\"{x.Value}\"", StringComparison.Ordinal)))
            .Select(l => (double?)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .SingleOrDefault();
}
