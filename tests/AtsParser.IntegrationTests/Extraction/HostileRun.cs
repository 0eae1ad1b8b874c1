using System.Collections.Concurrent;
using System.Diagnostics;
using AtsParser.IntegrationTests.Support;

namespace AtsParser.IntegrationTests.Extraction;

/// <summary>
/// Sends every hostile file (the 82 stored ones and the 4 large ones built for the run) through one service with
/// bounded parallelism, then checks the service is still healthy, stops it, and looks for leftovers.
/// </summary>
public sealed class HostileRun : ExtractionHost
{
    public string LargeDir { get; } = Path.Combine(Path.GetTempPath(), "atsparser-tests", "hostile-large-" + Guid.NewGuid().ToString("N"));
    public ConcurrentDictionary<string, Reply> Replies { get; } = new();
    public Reply? GoodAfter { get; private set; }
    public int HealthAfter { get; private set; }
    public IReadOnlyList<string> LeftoverProcesses { get; private set; } = [];
    public IReadOnlyList<string> LeftoverTempEntries { get; private set; } = [];

    public static IReadOnlyList<string> StoredFiles => Corpus.Manifest("hostile/MANIFEST.tsv").Select(r => r["file"]).ToList();
    public static IReadOnlyList<string> LargeFiles => Corpus.Manifest("hostile/LARGE.tsv").Select(r => r["file"]).ToList();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await BuildLargeFilesAsync();
        var files = StoredFiles.Select(f => (f, Corpus.PathOf("hostile/" + f)))
            .Concat(LargeFiles.Select(f => (f, Path.Combine(LargeDir, Path.GetFileName(f)))))
            .OrderByDescending(x => new FileInfo(x.Item2).Length) // long ones first, so the tail of the run is short
            .ToList();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (x, ct) =>
        {
            // A failed request is recorded as status 0, so one file cannot hide the verdicts on all the others.
            try { Replies[x.Item1] = await ParseAsync(Path.GetFileName(x.Item1), await File.ReadAllBytesAsync(x.Item2, ct), ct); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Replies[x.Item1] = new Reply(0, $"{{\"code\":\"{e.GetType().Name}\"}}");
            }
        });

        HealthAfter = (int)(await Client.GetAsync("/health")).StatusCode;
        GoodAfter = await ParseAsync("cv.docx", await File.ReadAllBytesAsync(Corpus.PathOf("docx/soupboss_02-Desktop_Support.docx")));

        // Stopped first: a warm pool's listeners may live as long as the service, but no longer.
        Client.Dispose();
        await Factory.DisposeAsync();
        // The stop kills the pool's process trees; on a loaded machine the kernel may take a moment to reap them.
        // A process still there after 15 s has outlived the service.
        LeftoverProcesses = ToolProcesses();
        for (var waited = 0; LeftoverProcesses.Count > 0 && waited < 15_000; waited += 250)
        {
            await Task.Delay(250);
            LeftoverProcesses = ToolProcesses();
        }
        LeftoverTempEntries = TempEntries();
    }

    public override async Task DisposeAsync()
    {
        try { Directory.Delete(LargeDir, recursive: true); } catch (IOException) { }
        try { Directory.Delete(TempRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        await Task.CompletedTask;
    }

    async Task BuildLargeFilesAsync()
    {
        Directory.CreateDirectory(LargeDir);
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Corpus.PathOf("tools/build_hostile.py"), "--large-only", LargeDir }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (p.ExitCode != 0) throw new InvalidOperationException("build_hostile.py --large-only failed: " + await stderr);
    }
}
