using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AtsParser.Api.Storage;
using AtsParser.Api.Infrastructure;
using AtsParser.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AtsParser.Api.Corrections;

/// <summary>
/// People correct stored resumes with RFC 6902 JSON Patch against the GET /api/v1/resumes/{id} document (paths under
/// /resume, except /resume/meta). The original parse is kept; corrections are exported as answer keys for `eval`.
/// </summary>
public static class CorrectionsEndpoints
{
    public const string ReviewerHeader = "X-Reviewer";
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapCorrections(this IEndpointRouteBuilder app)
    {
        var resumes = app.MapGroup("/api/v1/resumes").WithTags("Corrections").AddEndpointFilter(ResumeEndpoints.RequireStorage).ProducesProblem(503);
        // No Accepts<> metadata: routing would answer other content types with a bare 415 instead of our ProblemDetails.
        resumes.MapPatch("/{id:guid}", Patch).RequireScope(Scopes.ResumesWrite)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);
        resumes.MapGet("/{id:guid}/corrections", History).RequireScope(Scopes.ResumesRead).ProducesProblem(404);
        app.MapGet("/api/v1/corrections/export", Export).RequireScope(Scopes.ResumesRead).WithTags("Corrections").AddEndpointFilter(ResumeEndpoints.RequireStorage)
            .Produces<JsonArray>().Produces(200, contentType: "application/zip").ProducesProblem(400).ProducesProblem(503);
        return app;
    }

    public static async Task<Results<Ok<CorrectionHistory>, ProblemHttpResult>> Patch(Guid id, HttpRequest request, CorrectionStore store, CancellationToken ct)
    {
        try
        {
            var operations = await ReadPatchAsync(request, ct);
            var history = await store.CorrectAsync(id, operations, CorrectorOf(request.HttpContext), ct);
            return history is null ? NotFound() : TypedResults.Ok(history);
        }
        catch (JsonPatchException e)
        {
            return TypedResults.Problem(Problems.For(e.Code, e.Detail));
        }
    }

    public static async Task<Results<Ok<CorrectionHistory>, ProblemHttpResult>> History(Guid id, HttpContext http, CorrectionStore store, CancellationToken ct) =>
        await store.HistoryAsync(id, CorrectorOf(http).Tenant, ct) is { } history ? TypedResults.Ok(history) : NotFound();

    /// <summary>format=json (default): an array of keys; jsonl: one key per line; zip: truth/&lt;file&gt;.json entries.</summary>
    public static async Task<IResult> Export(HttpContext http, CorrectionStore store, string? format, CancellationToken ct)
    {
        format = (format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "jsonl" or "zip"))
            return TypedResults.Problem(Problems.For(CorrectionProblems.InvalidExportFormat, $"format '{format}' is not known"));
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new List<(string File, JsonObject Key)>();
        await foreach (var corrected in store.CorrectedAsync(CorrectorOf(http).Tenant, ct))
        {
            var file = AnswerKeys.FileNameFor(corrected, taken);
            keys.Add((file, AnswerKeys.From(corrected, file)));
        }
        http.Response.Headers["X-Answer-Keys"] = keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return format switch
        {
            "jsonl" => TypedResults.Text(string.Concat(keys.Select(k => k.Key.ToJsonString() + "\n")), "application/x-ndjson", Encoding.UTF8),
            "zip" => TypedResults.File(Zip(keys), "application/zip", "answer-keys.zip"),
            _ => TypedResults.Text(new JsonArray(keys.Select(k => (JsonNode)k.Key).ToArray()).ToJsonString(Indented), "application/json", Encoding.UTF8),
        };
    }

    static byte[] Zip(List<(string File, JsonObject Key)> keys)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (file, key) in keys)
            {
                using var entry = zip.CreateEntry($"truth/{file}.json", CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(key.ToJsonString(Indented) + "\n"));
            }
        return buffer.ToArray();
    }

    internal static async Task<List<PatchOperation>> ReadPatchAsync(HttpRequest request, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("application/json-patch+json" or "application/json"))
            throw new JsonPatchException(CorrectionProblems.UnsupportedMediaType, "Send the corrections as a JSON Patch array with Content-Type: application/json-patch+json.");
        JsonDocument doc;
        try { doc = await JsonDocument.ParseAsync(request.Body, default, ct); }
        catch (JsonException) { throw new JsonPatchException(CorrectionProblems.InvalidPatch, "The body is not JSON; send a JSON Patch array such as [{\"op\":\"replace\",\"path\":\"/resume/candidate/name/raw\",\"value\":\"Jane Doe\"}]."); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() == 0)
                throw new JsonPatchException(CorrectionProblems.InvalidPatch, "The body must be a non-empty JSON array of operations (RFC 6902).");
            var ops = new List<PatchOperation>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object || Text(e, "op") is not { } op || Text(e, "path") is not { } path)
                    throw new JsonPatchException(CorrectionProblems.InvalidPatch, $"Operation {ops.Count} needs string 'op' and 'path' members.");
                var from = Text(e, "from");
                if (op != "test") { Allowed(path, ops.Count); if (from is not null) Allowed(from, ops.Count); }
                ops.Add(new PatchOperation(op, path, from, e.TryGetProperty("value", out var v) ? v.Clone() : null));
            }
            return ops;
        }
    }

    static void Allowed(string pointer, int index)
    {
        if (!pointer.StartsWith("/resume/", StringComparison.Ordinal) || pointer == "/resume/meta" || pointer.StartsWith("/resume/meta/", StringComparison.Ordinal))
            throw new JsonPatchException(CorrectionProblems.ForbiddenPath,
                $"Operation {index} targets {pointer}: only the structured resume (/resume/...) can be corrected, and not /resume/meta, which describes the parser run.");
    }

    static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static Corrector CorrectorOf(HttpContext http)
    {
        // Percent-encoded UTF-8 is accepted, since browsers cannot send other non-ASCII header values.
        var reviewer = Uri.UnescapeDataString(http.Request.Headers[ReviewerHeader].ToString()).Trim();
        reviewer = new string(reviewer.Where(ch => !char.IsControl(ch)).Take(100).ToArray());
        return new Corrector(http.User.Identity?.Name ?? "anonymous", reviewer.Length > 0 ? reviewer : null, Tenancy.TenantOf(http));
    }

    static ProblemHttpResult NotFound() => TypedResults.Problem(Problems.For(StorageException.NotFound));
}
