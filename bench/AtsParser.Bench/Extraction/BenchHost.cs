using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AtsParser.Bench.Extraction;

/// <summary>The service's extraction stack in-process (same registrations as the API), plus raw tool runs.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    readonly ServiceProvider _services;

    public BenchHost(int libreOfficePoolSize, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extraction:LibreOfficePoolSize"] = libreOfficePoolSize.ToString(),
            // A shared 2-core machine can be 20× oversubscribed: measure slow runs rather than time them out.
            ["Extraction:LibreOfficeTimeoutSeconds"] = "600",
            ["Extraction:OcrPageTimeoutSeconds"] = "600",
            ["Extraction:PandocTimeoutSeconds"] = "600",
            ["Extraction:PdfTimeoutSeconds"] = "600",
            ["Extraction:AntiwordTimeoutSeconds"] = "600",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = new ServiceCollection().AddLogging().AddExtraction(config).BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Our path for one upload: sniff the bytes, run the format's chain.</summary>
    public async Task<ExtractionResult> ExtractAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var result = await Get<ChainRunner>().RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(path))), ct);
        if (result.Chars == 0) throw new InvalidOperationException($"{Path.GetFileName(path)}: no text");
        return result;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>Runs a raw CLI tool exactly as a user would; a non-zero exit is a benchmark bug, so it throws.</summary>
    public static async Task<ProcessResult> RawAsync(string tool, IReadOnlyList<string> args, CancellationToken ct, IReadOnlyDictionary<string, string>? env = null, string? cwd = null)
    {
        var r = await ProcessRunner.RunAsync(new ProcessSpec(tool, args)
        {
            Timeout = TimeSpan.FromMinutes(10),
            Environment = env ?? new Dictionary<string, string>(),
            WorkingDirectory = cwd,
        }, ct);
        if (r.ExitCode != 0) throw new InvalidOperationException($"{tool} exited {r.ExitCode}: {r.Stderr}");
        return r;
    }

    public static readonly IReadOnlyDictionary<string, string> OneOcrThread = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" };
}
