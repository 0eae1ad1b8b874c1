using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtsParser.Cli.Commands;

/// <summary>
/// The resume log of `ats parse`, next to the output: one JSON line when a job is accepted (which file went
/// into it at which index) and one when a file's result is written. A re-run skips files whose sha256 is done and
/// re-attaches to jobs it already submitted instead of uploading their files again. Lines are appended and
/// flushed one by one, so a kill loses at most a torn last line, which is ignored on reading.
/// </summary>
public sealed class ParseState : IAsyncDisposable
{
    public sealed record FileEntry([property: JsonPropertyName("i")] int Index, [property: JsonPropertyName("sha")] string Sha256, [property: JsonPropertyName("path")] string Path);

    sealed record Line(
        [property: JsonPropertyName("t")] string Type,
        [property: JsonPropertyName("job")] Guid Job,
        [property: JsonPropertyName("files")] List<FileEntry>? Files = null,
        [property: JsonPropertyName("sha")] string? Sha256 = null,
        [property: JsonPropertyName("status")] string? Status = null);

    readonly StreamWriter _writer;
    readonly Dictionary<string, string> _done = new(StringComparer.Ordinal);
    readonly Dictionary<Guid, List<FileEntry>> _jobs = [];
    readonly SemaphoreSlim _gate = new(1, 1);

    ParseState(StreamWriter writer) => _writer = writer;

    public string Path { get; private init; } = "";

    /// <summary>Files finished in an earlier run or this one: sha256 → succeeded | failed.</summary>
    public IReadOnlyDictionary<string, string> Done => _done;

    /// <summary>Submitted jobs that still have files without a written result.</summary>
    public IEnumerable<(Guid Job, List<FileEntry> Files)> PendingJobs =>
        _jobs.Select(j => (j.Key, j.Value.Where(f => !_done.ContainsKey(f.Sha256)).ToList())).Where(j => j.Item2.Count > 0);

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
            if (line is { Type: "job", Files: { } files }) state._jobs[line.Job] = files;
            else if (line is { Type: "done", Sha256: { } sha, Status: { } status }) state._done[sha] = status;
        }
        return state;
    }

    public Task RecordJobAsync(Guid job, List<FileEntry> files, CancellationToken ct)
    {
        _jobs[job] = files;
        return AppendAsync(new Line("job", job, files), ct);
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
