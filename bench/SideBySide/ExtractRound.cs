using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SideBySide;

/// <summary>
/// Each SPEC is PATH|FILE|WARMUP|REPS: PATH is `chain` (sniff + the format's chain, what an upload gets) or an
/// extractor class name (one path of the chain on its own, e.g. PandocExtractor).
/// </summary>
static class ExtractRound
{
    public static async Task<int> RunAsync(TextWriter output, string[] specs, CancellationToken ct)
    {
        await using var services = Services();
        var runner = services.GetRequiredService<ChainRunner>();
        foreach (var spec in specs)
        {
            var parts = spec.Split('|');
            var (path, file, warm, reps) = (parts[0], parts[1], int.Parse(parts[2]), int.Parse(parts[3]));
            var bytes = await File.ReadAllBytesAsync(file, ct);
            Func<Task> op;
            if (path == "chain")
            {
                op = async () =>
                {
                    var input = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file)));
                    if ((await runner.RunAsync(input, ct)).Chars == 0) throw new InvalidOperationException("no text");
                };
            }
            else
            {
                var type = typeof(ChainRunner).Assembly.GetType("AtsParser.Core.Extraction.Extractors." + path);
                if (type is null) { Console.Error.WriteLine($"{path}: not in this build"); continue; }
                var extractor = (IExtractor)services.GetRequiredService(type);
                var input = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file)));
                op = async () => await extractor.ExtractAsync(input, ct);
            }
            try
            {
                for (var i = 0; i < warm; i++) await op();
                // Tiered compilation promotes a method after 30 calls and a quiet 100 ms: let it, so both builds are
                // measured in steady state rather than in whichever tier their new code happens to be.
                if (warm >= 30) { await Task.Delay(250, ct); for (var i = 0; i < 3; i++) await op(); }
                Measure.Emit(output, "extract", path, file, await Measure.RunAsync(reps, op));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{path} {file}: {e.GetType().Name}: {e.Message}");
            }
        }
        return 0;
    }

    static ServiceProvider Services()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extraction:LibreOfficePoolSize"] = "0",
            ["Extraction:LibreOfficeTimeoutSeconds"] = "600",
            ["Extraction:OcrPageTimeoutSeconds"] = "600",
            ["Extraction:PandocTimeoutSeconds"] = "600",
            ["Extraction:PdfTimeoutSeconds"] = "600",
            ["Extraction:AntiwordTimeoutSeconds"] = "600",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        AddMetricsIfThisBuildHasThem(services);
        return services.AddExtraction(config).BuildServiceProvider();
    }

    /// <summary>After the prometheus-net swap the metrics are a DI singleton; before, they were static.</summary>
    public static void AddMetricsIfThisBuildHasThem(IServiceCollection services) =>
        typeof(ChainRunner).Assembly.GetType("AtsParser.Core.Observability.ObservabilityServices")
            ?.GetMethod("AddAtsMetrics")?.Invoke(null, [services]);
}
