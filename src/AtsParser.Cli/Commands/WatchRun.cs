using System.Collections.Concurrent;
using AtsParser.Cli.Client;

namespace AtsParser.Cli.Commands;

public sealed record WatchSettings(string Directory, string Server, string? ApiKey, string StateDirectory, double StableSeconds = 3,
    long MaxBytes = 10 * 1024 * 1024, int PerMinute = 60, int BatchSize = 20, double RescanSeconds = 30, int Retries = 5,
    IReadOnlyDictionary<string, string>? JobFields = null);

/// <summary>
/// `ats watch`: a recursive FileSystemWatcher plus a periodic rescan (watchers drop events under load), a
/// stability gate (size and mtime unchanged for StableSeconds, so half-copied files are never sent), skip
/// rules with a logged reason, SHA-256 dedupe through the sync history, a files-per-minute limit, and retries
/// with backoff. Stops cleanly on SIGTERM/Ctrl+C with the health file saying so.
/// </summary>
public sealed class WatchRun(WatchSettings s, TextWriter log)
{
    sealed record Seen(long Size, DateTime Mtime);
    sealed class Candidate { public long Size; public DateTime Mtime; public DateTimeOffset ChangedAt; public string? Sha; }

    readonly ConcurrentDictionary<string, byte> _touched = new();
    readonly Dictionary<string, Candidate> _candidates = new();
    readonly Dictionary<string, Seen> _settled = new();
    readonly string _root = Path.GetFullPath(s.Directory);
    DateTimeOffset _nextUpload = DateTimeOffset.MinValue;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!Directory.Exists(_root)) { Log($"no such directory: {_root}"); return ExitCodes.Error; }
        Directory.CreateDirectory(s.StateDirectory);
        var health = new WatchHealth(Path.Combine(s.StateDirectory, "health.json"));
        await using var history = await WatchHistory.OpenAsync(Path.Combine(s.StateDirectory, "sync-history.jsonl"), ct);
        using var client = new JobsClient(s.Server, s.ApiKey);
        using var watcher = new FileSystemWatcher(_root) { IncludeSubdirectories = true, InternalBufferSize = 64 * 1024,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite };
        watcher.Created += (_, e) => _touched[e.FullPath] = 0;
        watcher.Changed += (_, e) => _touched[e.FullPath] = 0;
        watcher.Renamed += (_, e) => _touched[e.FullPath] = 0;
        watcher.Error += (_, _) => _rescanNow = true; // buffer overflow: events were lost, look at everything
        watcher.EnableRaisingEvents = true;
        Log($"watching {_root} (history: {history.Count} files; state: {s.StateDirectory})");

        var nextRescan = DateTimeOffset.MinValue;
        var nextHealth = DateTimeOffset.MinValue;
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                if (now >= nextRescan || _rescanNow) { Rescan(); health.LastScanAt = now; nextRescan = now + TimeSpan.FromSeconds(s.RescanSeconds); }
                foreach (var path in _touched.Keys) { _touched.TryRemove(path, out _); Track(path, now); }
                var ready = await ReadyAsync(history, health, now, ct);
                health.Pending = _candidates.Count;
                if (ready.Count > 0 && now >= _nextUpload)
                {
                    var batch = ready.Take(s.BatchSize).ToList();
                    try
                    {
                        var retry = new Retrying(s.Retries, TimeSpan.FromSeconds(1), m => Log(m));
                        var key = Guid.NewGuid().ToString("N"); // one key across the retries: a lost 202 cannot queue the files twice
                        var job = await retry.RunAsync(t => client.SubmitAsync(batch.Select(b => b.Path).ToList(), key, t, s.JobFields), ct);
                        foreach (var (path, sha) in batch)
                        {
                            await history.RecordAsync(new WatchHistory.Entry(sha, path, job.Id, DateTimeOffset.UtcNow), ct);
                            Settle(path);
                            Log($"uploaded {Path.GetRelativePath(_root, path)} (job {job.Id})");
                        }
                        (health.Uploaded, health.LastUploadAt, health.Status, failures) = (health.Uploaded + batch.Count, DateTimeOffset.UtcNow, "ok", 0);
                        _nextUpload = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60.0 * batch.Count / Math.Max(1, s.PerMinute));
                    }
                    catch (Exception e) when (e is ServerUnreachableException or ApiException or IOException)
                    {
                        // Keep the files as candidates; back off exponentially, up to five minutes.
                        (health.UploadFailures, health.LastError, health.Status) = (health.UploadFailures + 1, e.Message, "degraded");
                        var wait = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(++failures, 9))));
                        _nextUpload = DateTimeOffset.UtcNow + wait;
                        Log($"upload failed ({e.Message}); retrying in {wait.TotalSeconds:0} s");
                    }
                }
                if (now >= nextHealth) { if (health.Status == "starting") health.Status = "ok"; await health.WriteAsync(_root, ct); nextHealth = now + TimeSpan.FromSeconds(5); }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(s.StableSeconds * 1000 / 4, 100, 1000)), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        health.Status = "stopped";
        await health.WriteAsync(_root, CancellationToken.None);
        Log("stopped");
        return ExitCodes.Success;
    }

    volatile bool _rescanNow;

    void Rescan()
    {
        _rescanNow = false;
        foreach (var f in Directory.EnumerateFiles(_root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            Track(f, DateTimeOffset.UtcNow);
    }

    void Track(string path, DateTimeOffset now)
    {
        var info = new FileInfo(path);
        if (!info.Exists || Hidden(path)) { _candidates.Remove(path); return; }
        if (_settled.TryGetValue(path, out var seen) && seen.Size == info.Length && seen.Mtime == info.LastWriteTimeUtc) return;
        if (!_candidates.TryGetValue(path, out var c)) _candidates[path] = new Candidate { Size = info.Length, Mtime = info.LastWriteTimeUtc, ChangedAt = now };
        else if (c.Size != info.Length || c.Mtime != info.LastWriteTimeUtc) (c.Size, c.Mtime, c.ChangedAt, c.Sha) = (info.Length, info.LastWriteTimeUtc, now, null);
    }

    /// <summary>Candidates whose size and mtime held still for StableSeconds, after the skip rules and the dedupe.</summary>
    async Task<List<(string Path, string Sha)>> ReadyAsync(WatchHistory history, WatchHealth health, DateTimeOffset now, CancellationToken ct)
    {
        var ready = new List<(string, string)>();
        foreach (var (path, c) in _candidates.ToList())
        {
            var info = new FileInfo(path);
            if (!info.Exists) { _candidates.Remove(path); continue; }
            if (info.Length != c.Size || info.LastWriteTimeUtc != c.Mtime) { (c.Size, c.Mtime, c.ChangedAt, c.Sha) = (info.Length, info.LastWriteTimeUtc, now, null); continue; }
            if (now - c.ChangedAt < TimeSpan.FromSeconds(s.StableSeconds)) continue;
            var rel = Path.GetRelativePath(_root, path);
            string? skip = InputFiles.IsTemporary(path) ? "a temporary or partial download"
                : !InputFiles.IsSupported(path) ? $"unsupported extension '{Path.GetExtension(path)}'"
                : info.Length == 0 ? "empty"
                : info.Length > s.MaxBytes ? $"{info.Length:N0} bytes is over --max-size {s.MaxBytes:N0}"
                : null;
            if (skip is not null) { Log($"skipped {rel}: {skip}"); health.Skipped++; Settle(path); continue; }
            string sha;
            try { sha = c.Sha ??= await InputFiles.Sha256Async(path, ct); }
            catch (IOException) { continue; } // still locked or vanished; look again next tick
            if (history.Find(sha) is { } earlier)
            {
                Log($"skipped {rel}: same content as {Path.GetRelativePath(_root, earlier.Path)}, uploaded {earlier.At:u}");
                health.Duplicates++;
                Settle(path);
                continue;
            }
            ready.Add((path, sha));
        }
        return ready;
    }

    void Settle(string path)
    {
        if (_candidates.Remove(path, out var c)) _settled[path] = new Seen(c.Size, c.Mtime);
    }

    bool Hidden(string path) =>
        Path.GetRelativePath(_root, path).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.'))
        || path.StartsWith(Path.GetFullPath(s.StateDirectory), StringComparison.Ordinal);

    void Log(string message) => log.WriteLine($"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {message}");
}
