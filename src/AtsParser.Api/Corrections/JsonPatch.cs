using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtsParser.Api.Corrections;

/// <summary>One RFC 6902 operation as sent; `value` stays raw so that an explicit null differs from a missing value.</summary>
public sealed record PatchOperation(string Op, string Path, string? From, JsonElement? Value);

/// <summary>What one operation changed: the value at `path` before and after (null where there was none).</summary>
public sealed record AppliedOperation(string Op, string Path, JsonNode? Before, JsonNode? After);

public sealed class JsonPatchException(string code, string detail) : AtsParser.Core.Documents.CodedException(code, detail);

/// <summary>
/// RFC 6902 JSON Patch (add, remove, replace, move, copy, test) over a JsonNode document, with JSON Pointers
/// (RFC 6901, `~0`/`~1` escapes, `-` for the end of an array). Operations apply in order to a copy; any failure
/// leaves the document untouched, as the RFC requires.
/// </summary>
public static class JsonPatch
{
    public static (JsonNode Result, List<AppliedOperation> Applied) Apply(JsonNode document, IReadOnlyList<PatchOperation> operations)
    {
        var doc = document.DeepClone();
        var applied = new List<AppliedOperation>();
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            var where = $"operation {i} ({op.Op} {op.Path})";
            var path = Parse(op.Path, where);
            switch (op.Op)
            {
                case "add":
                    applied.Add(new(op.Op, op.Path, Get(doc, path)?.DeepClone(), Add(doc, path, Value(op, where), where)));
                    break;
                case "remove":
                    applied.Add(new(op.Op, op.Path, Remove(doc, path, where), null));
                    break;
                case "replace":
                    var before = Remove(doc, path, where);
                    applied.Add(new(op.Op, op.Path, before, Add(doc, path, Value(op, where), where)));
                    break;
                case "move" or "copy":
                    var from = Parse(op.From ?? throw Invalid($"{where} needs a 'from' pointer."), where);
                    if (op.Op == "move" && IsPrefix(from, path)) throw Invalid($"{where}: a value cannot be moved into itself.");
                    var value = op.Op == "move" ? Remove(doc, from, where) : (Get(doc, from) ?? throw Missing(where, op.From!)).DeepClone();
                    applied.Add(new(op.Op, op.Path, Get(doc, path)?.DeepClone(), Add(doc, path, value, where)));
                    break;
                case "test":
                    var actual = Get(doc, path);
                    if (!JsonNode.DeepEquals(actual, Value(op, where)))
                        throw new JsonPatchException(CorrectionProblems.TestFailed, $"{where}: the value at {op.Path} is not the expected one; reload the resume and correct it again.");
                    break;
                default:
                    throw Invalid($"{where}: unknown op '{op.Op}'; use add, remove, replace, move, copy or test.");
            }
        }
        return (doc, applied);
    }

    public static List<string> Parse(string pointer, string where = "pointer")
    {
        if (pointer.Length == 0) return [];
        if (pointer[0] != '/') throw Invalid($"{where}: '{pointer}' is not a JSON Pointer (it must start with '/').");
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
    }

    public static JsonNode? Get(JsonNode? node, IReadOnlyList<string> path)
    {
        foreach (var token in path)
        {
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray a => Index(token, a.Count, allowEnd: false) is { } i ? a[i] : null,
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    static JsonNode? Add(JsonNode doc, List<string> path, JsonNode? value, string where)
    {
        if (path.Count == 0) throw Invalid($"{where}: the whole document cannot be replaced; patch its members.");
        var parent = Get(doc, path[..^1]) ?? throw Missing(where, "/" + string.Join('/', path[..^1]));
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a:
                var i = Index(last, a.Count, allowEnd: true) ?? throw Invalid($"{where}: '{last}' is not an index of that array (0..{a.Count} or '-').");
                a.Insert(i, value);
                break;
            default: throw Invalid($"{where}: the parent of the target is neither an object nor an array.");
        }
        return value?.DeepClone();
    }

    static JsonNode? Remove(JsonNode doc, List<string> path, string where)
    {
        if (path.Count == 0) throw Invalid($"{where}: the whole document cannot be removed.");
        var parent = Get(doc, path[..^1]);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                var old = o[last];
                o.Remove(last);
                return old;
            case JsonArray a when Index(last, a.Count, allowEnd: false) is { } i:
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default: throw Missing(where, "/" + string.Join('/', path));
        }
    }

    static int? Index(string token, int count, bool allowEnd)
    {
        if (token == "-") return allowEnd ? count : null;
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit)) return null;
        var i = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        return i < count || (allowEnd && i == count) ? i : null;
    }

    static JsonNode? Value(PatchOperation op, string where) =>
        op.Value is { } v ? JsonNode.Parse(v.GetRawText()) : throw Invalid($"{where} needs a 'value'.");

    static bool IsPrefix(List<string> prefix, List<string> path) => prefix.Count < path.Count && prefix.SequenceEqual(path.Take(prefix.Count));

    static JsonPatchException Invalid(string detail) => new(CorrectionProblems.InvalidPatch, detail);

    static JsonPatchException Missing(string where, string pointer) =>
        new(CorrectionProblems.PathNotFound, $"{where}: nothing at {pointer}; GET the resume and use paths that exist (arrays take an index or '-').");
}
