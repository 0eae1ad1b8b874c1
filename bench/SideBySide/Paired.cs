using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SideBySide;

/// <summary>
/// `paired OUT BEFORE_DIR AFTER_DIR SPEC...`: both builds in one process, each in its own AssemblyLoadContext (its
/// own AtsParser.*, CliWrap, Polly...), calls alternating before/after, so each pair of calls shares the machine's
/// load of that moment. Per SPEC (as for `extract`): both medians and the median of the per-pair ratios.
/// </summary>
public static class Paired
{
    sealed class BuildContext(string mainAssembly) : AssemblyLoadContext(Path.GetFileName(Path.GetDirectoryName(mainAssembly)), isCollectible: false)
    {
        readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;

        protected override IntPtr LoadUnmanagedDll(string name) =>
            _resolver.ResolveUnmanagedDllToPath(name) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }

    public static async Task<int> RunAsync(TextWriter output, string beforeDir, string afterDir, string[] specs, CancellationToken ct)
    {
        var prepare = new[] { beforeDir, afterDir }.Select(dir =>
        {
            var alc = new BuildContext(Path.Combine(dir, "SideBySide.dll"));
            var method = alc.LoadFromAssemblyPath(Path.Combine(dir, "SideBySide.dll")).GetType("SideBySide.Paired")!.GetMethod(nameof(Prepare))!;
            return (Func<string, Func<Task>?>)(spec => (Func<Task>?)method.Invoke(null, [spec]));
        }).ToArray();
        foreach (var spec in specs)
        {
            var parts = spec.Split('|');
            var (path, file, warm, reps) = (parts[0], parts[1], int.Parse(parts[2]), int.Parse(parts[3]));
            var ops = prepare.Select(p => p(spec)).ToArray();
            if (ops.Any(o => o is null)) { Console.Error.WriteLine($"{path}: not in both builds"); continue; }
            try
            {
                for (var i = 0; i < warm; i++) { await ops[0]!(); await ops[1]!(); }
                var wall = new[] { new List<double>(), new List<double>() };
                var cpu = new[] { new List<double>(), new List<double>() };
                for (var i = 0; i < reps; i++)
                {
                    // Alternate who goes first, so neither always inherits the other's caches.
                    foreach (var side in i % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                    {
                        var (w, c) = await Measure.RunAsync(1, ops[side]!);
                        wall[side].Add(w[0]);
                        cpu[side].Add(c[0]);
                    }
                }
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    group = "paired", path, item = file, n = reps,
                    before_wall = Measure.Median(wall[0]), after_wall = Measure.Median(wall[1]),
                    before_cpu = Measure.Median(cpu[0]), after_cpu = Measure.Median(cpu[1]),
                    ratio_wall = Measure.Median(wall[1].Zip(wall[0], (a, b) => a / b)),
                    ratio_cpu = Measure.Median(cpu[1].Zip(cpu[0], (a, b) => a / Math.Max(b, 1e-3))),
                }));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{path} {file}: {e.GetType().Name}: {e.Message}");
            }
        }
        return 0;
    }

    static ServiceProvider? _services;

    /// <summary>Called by reflection inside each build's load context: one call of the SPEC's path on this build's code.</summary>
    public static Func<Task>? Prepare(string spec)
    {
        var parts = spec.Split('|');
        var (path, file) = (parts[0], parts[1]);
        if (path.StartsWith("cache:", StringComparison.Ordinal)) return CacheOps.Prepare(path, file);
        _services ??= Services();
        var bytes = File.ReadAllBytes(file);
        if (path == "chain")
        {
            var runner = _services.GetRequiredService<ChainRunner>();
            return async () =>
            {
                var input = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file)));
                if ((await runner.RunAsync(input, CancellationToken.None)).Chars == 0) throw new InvalidOperationException("no text");
            };
        }
        var type = typeof(ChainRunner).Assembly.GetType("AtsParser.Core.Extraction.Extractors." + path);
        if (type is null) return null;
        var extractor = (IExtractor)_services.GetRequiredService(type);
        var sniffed = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file)));
        return async () => await extractor.ExtractAsync(sniffed, CancellationToken.None);
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
        ExtractRound.AddMetricsIfThisBuildHasThem(services);
        return services.AddExtraction(config).BuildServiceProvider();
    }
}
