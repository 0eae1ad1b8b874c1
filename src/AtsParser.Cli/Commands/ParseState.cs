using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtsParser.Cli.Commands;

/// <summary>
/// The resume log of `ats parse`, next to the output: one JSON line before a batch is sent (its files in order and
/// its Idempotency-Key), one when the server accepted it as a job, and one when a file's result is written. A re-run
/// skips files whose sha256 is done, re-attaches to jobs already accepted, and re-sends an unconfirmed batch with
/// its original key, so the server returns the job it may already have created: no file is uploaded twice. Lines are appended and
/// flushed one by one, so a kill loses at most a torn last line, which is ignored on reading.
/// </summary>
public sealed class ParseState : IAsyncDisposable
{
    public sealed record FileEntry([property: JsonPropertyName("i")] int Index, [property: JsonPropertyName("sha")] string Sha256, [property: JsonPropertyName("path")] string Path);

    sealed record Line(
        [property: JsonPropertyName("t")] string Type,
        [property: JsonPropertyName("job")] Guid Job,
        [property: JsonPropertyName("key")] string? Key = null,
        [property: JsonPropertyName("files")] List<FileEntry>? Files = null,
        [property: JsonPropertyName("sha")] string? Sha256 = null,
        [property: JsonPropertyName("status")] string? Status = null);

    readonly StreamWriter _writer;
    readonly Dictionary<string, string> _done = new(StringComparer.Ordinal);
    readonly Dictionary<Guid, List<FileEntry>> _jobs = [];
    readonly Dictionary<string, List<FileEntry>> _unconfirmed = [];
    readonly SemaphoreSlim _gate = new(1, 1);

    ParseState(StreamWriter writer) => _writer = writer;

    public string Path { get; private init; } = "";

    /// <summary>Files finished in an earlier run or this one: sha256 → succeeded | failed.</summary>
    public IReadOnlyDictionary<string, string> Done => _done;

    /// <summary>Submitted jobs that still have files without a written result.</summary>
    public IEnumerable<(Guid Job, List<FileEntry> Files)> PendingJobs =>
        _jobs.Select(j => (j.Key, j.Value.Where(f => !_done.ContainsKey(f.Sha256)).ToList())).Where(j => j.Item2.Count > 0);

    /// <summary>Batches sent without a recorded answer: the server may or may not have created their job.</summary>
    public IEnumerable<(string Key, List<FileEntry> Files)> Unconfirmed => _unconfirmed.Select(u => (u.Key, u.Value));

    public static async Task<ParseState> OpenAsync(string path, CancellationToken ct)
    {
        var lines = File.Exists(path) ? await File.ReadAllLinesAsync(path, ct) : [];
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var state = new ParseState(new StreamWriter(stream) { AutoFlush = true }) { Path = path };
        foreach (var text in lines)
        {
            Line? line;
            try { line = JsonSerializer.Deserialize<Line>(text); }
            catch (JsonException) { continue; } // torn by a kill mid-write
            if (line is { Type: "submit", Key: { } key, Files: { } sent }) state._unconfirmed[key] = sent;
            else if (line is { Type: "job", Files: { } files }) { state._jobs[line.Job] = files; if (line.Key is { } k) state._unconfirmed.Remove(k); }
            else if (line is { Type: "done", Sha256: { } sha, Status: { } status }) state._done[sha] = status;
        }
        return state;
    }

    public Task RecordSubmitAsync(string key, List<FileEntry> files, CancellationToken ct)
    {
        _unconfirmed[key] = files;
        return AppendAsync(new Line("submit", Guid.Empty, key, files), ct);
    }

    public Task RecordJobAsync(Guid job, string key, List<FileEntry> files, CancellationToken ct)
    {
        _jobs[job] = files;
        _unconfirmed.Remove(key);
        return AppendAsync(new Line("job", job, key, files), ct);
    }

    public Task RecordDoneAsync(Guid job, string sha256, string status, CancellationToken ct)
    {
        _done[sha256] = status;
        return AppendAsync(new Line("done", job, Sha256: sha256, Status: status), ct);
    }

    async Task AppendAsync(Line line, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { await _writer.WriteLineAsync(JsonSerializer.Serialize(line).AsMemory(), ct); }
        finally { _gate.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _gate.Dispose();
    }
}
