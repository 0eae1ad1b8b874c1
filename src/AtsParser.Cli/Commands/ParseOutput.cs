using System.Text;
using System.Text.Json;
using AtsParser.Cli.Client;

namespace AtsParser.Cli.Commands;

/// <summary>One written outcome: the input file, and the server's result (the /api/v1/parse response) or error.</summary>
public sealed record OutputEntry(string Path, string RelativeName, string Sha256, string Status, JsonElement? Result, JsonElement? Error);

/// <summary>
/// Where results go: a JSONL or CSV file (appended as files finish), a JSON array file, or a directory with one
/// JSON file per input. Every form can be appended to by a resumed run.
/// </summary>
public abstract class ParseOutput : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public abstract Task WriteAsync(OutputEntry entry, CancellationToken ct);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The format from --format, else from the --out extension; a path without one is a directory.</summary>
    public static (string Format, bool IsDirectory) Resolve(string @out, string? format)
    {
        var ext = System.IO.Path.GetExtension(@out).ToLowerInvariant();
        var isDir = Directory.Exists(@out) || @out.EndsWith('/') || ext.Length == 0;
        var f = format?.ToLowerInvariant() ?? (isDir ? "json" : ext switch { ".csv" => "csv", ".json" => "json", _ => "jsonl" });
        if (isDir && f != "json") throw new ArgumentException($"--out {@out} is a directory: only --format json (one file per input) writes to a directory.");
        return (f, isDir);
    }

    public static string StatePath(string @out, bool isDirectory) =>
        isDirectory ? System.IO.Path.Combine(@out, ".ats-state") : @out + ".ats-state";

    public static async Task<ParseOutput> OpenAsync(string @out, string format, bool isDirectory, CancellationToken ct)
    {
        if (isDirectory) { Directory.CreateDirectory(@out); return new DirectoryOutput(@out); }
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(@out));
        if (dir is not null) Directory.CreateDirectory(dir);
        return format switch
        {
            "csv" => new CsvOutput(@out),
            "json" => await JsonArrayOutput.OpenAsync(@out, ct),
            _ => new LineOutput(@out),
        };
    }

    protected static string Line(OutputEntry e)
    {
        var o = new Dictionary<string, object?> { ["path"] = e.RelativeName, ["sha256"] = e.Sha256, ["status"] = e.Status };
        if (e.Result is { } r) o["result"] = r;
        if (e.Error is { } err) o["error"] = err;
        return JsonSerializer.Serialize(o, Json);
    }

    sealed class LineOutput(string path) : ParseOutput
    {
        readonly StreamWriter _w = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        public override Task WriteAsync(OutputEntry e, CancellationToken ct) => _w.WriteLineAsync(Line(e).AsMemory(), ct);
        public override ValueTask DisposeAsync() => _w.DisposeAsync();
    }

    sealed class DirectoryOutput(string root) : ParseOutput
    {
        public override async Task WriteAsync(OutputEntry e, CancellationToken ct)
        {
            var target = System.IO.Path.Combine(root, e.RelativeName + ".json");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, Line(e), ct);
        }
    }

    /// <summary>A JSON array kept valid at every file boundary except the closing bracket, which a resumed run re-opens.</summary>
    sealed class JsonArrayOutput : ParseOutput
    {
        readonly FileStream _f;
        bool _first;
        JsonArrayOutput(FileStream f, bool first) { _f = f; _first = first; }

        public static async Task<JsonArrayOutput> OpenAsync(string path, CancellationToken ct)
        {
            var text = File.Exists(path) ? Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path, ct)).TrimEnd() : "";
            var f = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            if (text.EndsWith(']')) text = text[..^1].TrimEnd();
            if (text.Length == 0) text = "[";
            var bytes = Encoding.UTF8.GetBytes(text);
            f.SetLength(bytes.Length);
            f.Position = 0;
            await f.WriteAsync(bytes, ct);
            return new JsonArrayOutput(f, text == "[");
        }

        public override async Task WriteAsync(OutputEntry e, CancellationToken ct)
        {
            await _f.WriteAsync(Encoding.UTF8.GetBytes((_first ? "\n" : ",\n") + Line(e)), ct);
            await _f.FlushAsync(ct);
            _first = false;
        }

        public override async ValueTask DisposeAsync()
        {
            await _f.WriteAsync("\n]\n"u8.ToArray());
            await _f.DisposeAsync();
        }
    }
}
