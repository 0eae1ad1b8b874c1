using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtsParser.Cli.Commands;

/// <summary>
/// The sync history of `ats watch`: every uploaded file's sha256, path and job, one JSON line each. Loaded at
/// start, so a restart (or the same CV saved twice under other names) never uploads the same content again.
/// </summary>
public sealed class WatchHistory : IAsyncDisposable
{
    public sealed record Entry([property: JsonPropertyName("sha")] string Sha256, [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("job")] Guid Job, [property: JsonPropertyName("at")] DateTimeOffset At);

    readonly Dictionary<string, Entry> _bySha = new(StringComparer.Ordinal);
    readonly StreamWriter _writer;

    WatchHistory(StreamWriter writer) => _writer = writer;

    public int Count => _bySha.Count;

    public static async Task<WatchHistory> OpenAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var lines = File.Exists(path) ? await File.ReadAllLinesAsync(path, ct) : [];
        var history = new WatchHistory(new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true });
        foreach (var line in lines)
        {
            try { if (JsonSerializer.Deserialize<Entry>(line) is { } e) history._bySha[e.Sha256] = e; }
            catch (JsonException) { } // a line torn by a kill mid-write
        }
        return history;
    }

    public Entry? Find(string sha256) => _bySha.GetValueOrDefault(sha256);

    public async Task RecordAsync(Entry entry, CancellationToken ct)
    {
        _bySha[entry.Sha256] = entry;
        await _writer.WriteLineAsync(JsonSerializer.Serialize(entry).AsMemory(), ct);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
