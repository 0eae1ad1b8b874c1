using System.Globalization;

namespace AtsParser.IntegrationTests.Observability;

/// <summary>Reads one series from /metrics (0 when it does not exist yet).</summary>
public static class Scrape
{
    public static async Task<double> ValueAsync(HttpClient client, string metric, string label)
    {
        var text = await client.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(l => (l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal)) && l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Sum();
    }
}
