using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

public sealed record ToolStatus(string Name, string Binary, string? Path, string? Version, bool Enabled, bool Available, bool Required);

/// <summary>
/// Knows which native tools exist, their versions, whether they are switched on, and the per-tool concurrency
/// caps. A missing binary advertises nothing: its extractors are skipped.
/// </summary>
public sealed class ToolRegistry
{
    // Optional: a shortcut with a fallback behind it (pdfwords, then pdftotext): missing, it is skipped but not reported as a need.
    sealed record Tool(string Name, string Binary, string[] VersionArgs, Func<ExtractionOptions, bool> Enabled, Func<ExtractionOptions, int> Cap, bool Required, bool Optional = false);

    static readonly Tool[] Tools =
    [
        new("pdftotext", "pdftotext", ["-v"], _ => true, o => o.DefaultToolConcurrency, true),
        new("pdfwords", "pdfwords", ["-v"], o => o.EnablePdfWorker, o => o.PdfWorkers, false, Optional: true),
        new("pdfinfo", "pdfinfo", ["-v"], _ => true, o => o.DefaultToolConcurrency, true),
        new("pdftoppm", "pdftoppm", ["-v"], o => o.EnableOcr, o => o.OcrConcurrency, false),
        new("tesseract", "tesseract", ["--version"], o => o.EnableOcr, o => o.OcrConcurrency, false),
        new("antiword", "antiword", [], o => o.EnableAntiword, o => o.DefaultToolConcurrency, false),
        new("soffice", "soffice", ["--version"], o => o.EnableLibreOffice, o => o.LibreOfficeConcurrency, false),
        new("pandoc", "pandoc", ["--version"], o => o.EnablePandoc, o => o.PandocConcurrency, false),
    ];

    readonly ExtractionOptions _options;
    readonly Dictionary<string, ToolStatus> _status = new();
    readonly Dictionary<string, SemaphoreSlim> _caps = new();

    public ToolRegistry(IOptions<ExtractionOptions> options) : this(options, FindOnPath) { }

    /// <summary>`locate` maps a binary name to its path, or null when it is not installed (tests fake a machine with it).</summary>
    public ToolRegistry(IOptions<ExtractionOptions> options, Func<string, string?> locate)
    {
        _options = options.Value;
        foreach (var t in Tools)
        {
            var path = locate(t.Binary);
            _status[t.Name] = new ToolStatus(t.Name, t.Binary, path, null, t.Enabled(_options), path is not null, t.Required || (t.Enabled(_options) && !t.Optional));
            _caps[t.Name] = new SemaphoreSlim(t.Cap(_options));
        }
    }

    public IReadOnlyCollection<ToolStatus> All => _status.Values;

    public ToolStatus Get(string name) => _status[name];

    public bool IsUsable(string name) => _status.TryGetValue(name, out var s) && s.Enabled && s.Available;

    public string PathOf(string name) => _status[name].Path ?? throw new ToolFailedException(name, $"{name} is not installed");

    /// <summary>Waits for a slot under the tool's concurrency cap; the document's budget does not run while it only queues.</summary>
    public async Task<IDisposable> AcquireAsync(string name, CancellationToken ct)
    {
        var sem = _caps[name];
        var budget = DocumentBudget.Current;
        if (budget is null)
        {
            await sem.WaitAsync(ct);
            return new Releaser(sem, null);
        }
        // A free slot is taken at once: the budget only learns that a slot is held (no stop-and-restart of its clock).
        if (sem.Wait(0))
        {
            budget.Acquired();
            return new Releaser(sem, budget);
        }
        budget.WaitStarted();
        bool acquired = false;
        try
        {
            await sem.WaitAsync(ct);
            acquired = true;
        }
        finally
        {
            budget.WaitEnded(acquired);
        }
        return new Releaser(sem, budget);
    }

    sealed class Releaser(SemaphoreSlim s, DocumentBudget? budget) : IDisposable
    {
        int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            s.Release();
            budget?.Released();
        }
    }

    /// <summary>Reads each available tool's version once at start-up (a few ms per tool).</summary>
    public async Task ProbeVersionsAsync(CancellationToken ct)
    {
        foreach (var t in Tools)
        {
            var s = _status[t.Name];
            if (s.Path is null) continue;
            try
            {
                var r = await ProcessRunner.RunAsync(ToolCommands.Version(s.Path, t.VersionArgs), ct);
                var text = (r.StdoutText + "\n" + r.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                // antiword has no --version: its usage text carries "Version: 0.37" after an "Author: (C) 1998-2005" line.
                var line = text.FirstOrDefault(l => l.Contains("version", StringComparison.OrdinalIgnoreCase) && l.Any(char.IsDigit))
                           ?? text.FirstOrDefault(l => l.Any(char.IsDigit) && !l.StartsWith("Usage", StringComparison.OrdinalIgnoreCase));
                _status[t.Name] = s with { Version = line?.Length > 120 ? line[..120] : line };
            }
            catch (Exception e) when (e is ToolFailedException or ToolTimeoutException)
            {
                _status[t.Name] = s with { Version = "unknown" };
            }
        }
    }

    static string? FindOnPath(string binary)
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(Path.PathSeparator);
        foreach (var dir in paths)
        {
            var candidate = Path.Combine(dir, binary);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
