using System.Text.Json;

namespace AtsParser.Cli.Commands;

/// <summary>A flat spreadsheet view: one row per file with the fields recruiters filter on; the full result stays in JSON forms.</summary>
public sealed class CsvOutput(string path) : ParseOutput
{
    static readonly string[] Header = ["path", "sha256", "status", "error_code", "format", "extracted_by", "chars", "name", "email", "phone", "location", "current_title", "skills"];
    readonly StreamWriter _w = Open(path);

    static StreamWriter Open(string path)
    {
        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        var w = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        if (isNew) w.WriteLine(string.Join(',', Header));
        return w;
    }

    public override Task WriteAsync(OutputEntry e, CancellationToken ct)
    {
        var r = e.Result;
        var resume = Get(r, "resume");
        var candidate = Get(resume, "candidate");
        string?[] cells =
        [
            e.RelativeName, e.Sha256, e.Status, Str(Get(e.Error, "code")),
            Str(Get(Get(r, "document"), "format")), Str(Get(Get(r, "extraction"), "extractedBy")), Str(Get(Get(r, "extraction"), "chars")),
            Str(Get(Get(candidate, "name"), "raw")), Str(First(Get(candidate, "emails"))), Str(Get(First(Get(candidate, "phones")), "raw")),
            Str(Get(Get(candidate, "location"), "raw")), Str(Get(First(Get(resume, "workExperience")), "title")),
            Get(resume, "skills") is { ValueKind: JsonValueKind.Array } skills ? string.Join("; ", skills.EnumerateArray().Select(s => Str(Get(s, "name")))) : null,
        ];
        return _w.WriteLineAsync(string.Join(',', cells.Select(Escape)).AsMemory(), ct);
    }

    public override ValueTask DisposeAsync() => _w.DisposeAsync();

    static JsonElement? Get(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    static JsonElement? First(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? a[0] : null;

    static string? Str(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    // RFC 4180, plus a leading quote for cells a spreadsheet would run as a formula (CSV injection).
    static string Escape(string? v)
    {
        if (string.IsNullOrEmpty(v)) return "";
        if (v[0] is '=' or '@' || (v[0] is '+' or '-' && !v.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.'))) v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
