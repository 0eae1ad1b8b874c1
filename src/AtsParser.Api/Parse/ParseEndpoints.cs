using AtsParser.Core.Pipeline;
using AtsParser.Api.Storage;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Api.Infrastructure;
using AtsParser.Core.Parsing.Output;
using AtsParser.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Parse;

public static class ParseEndpoints
{
    public static IEndpointRouteBuilder MapParsing(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Parsing").RequireScope(Scopes.Parse).ProducesProblem(403);
        // MAX_FILE_SIZE is enforced per file while streaming (UploadReader); the request cap adds the multipart framing.
        api.MapPost("/parse", Parse).WithUploadLimit(sp => Upload(sp).MaxFileSizeBytes + BodyLimits.MultipartOverhead).Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(504);
        api.MapPost("/bulk-parse-resumes", BulkParse).WithUploadLimit(sp => Upload(sp).BulkMaxFiles * Upload(sp).MaxFileSizeBytes + BodyLimits.MultipartOverhead).Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(413);
        return app;
    }

    static ExtractionOptions Upload(IServiceProvider sp) => sp.GetRequiredService<IOptions<ExtractionOptions>>().Value;

    public static async Task<Ok<ParseResult>> Parse(HttpRequest request, ParseService service, IOptions<ExtractionOptions> options,
        bool? includeText, DateOnly? asOf, bool? store, bool? force, bool? redact, string? format, CancellationToken ct)
    {
        ResultViews.Validate(format);
        if (store == true) Tenancy.Require(request.HttpContext, Scopes.ResumesWrite);
        // A file of up to 1 MiB stays in memory (bounded process-wide, SpooledUpload); a larger one waits for its parse slot on disk.
        var uploads = await UploadReader.SpoolAsync(request, "file", options.Value.MaxFileSizeBytes, 1, ct, UploadReader.SingleFileInMemory);
        try
        {
            if (uploads.Count == 0) throw new DocumentException(ErrorCodes.MissingFile);
            var outcome = await service.ProcessAsync(uploads[0].LoadAsync, new ParseRequest(RequestOptions(includeText, asOf), store == true, force == true, redact == true, format),
                Tenancy.TenantOf(request.HttpContext), ct);
            request.HttpContext.Response.Headers["X-Cache"] = outcome.CacheHit ? "hit" : "miss";
            // "deferred": stored in the outbox while the database is unreachable; readable by id now, listed once written.
            if (outcome.Result.Storage is { } storage) request.HttpContext.Response.Headers["X-Storage"] = storage;
            return TypedResults.Ok(outcome.Result);
        }
        finally
        {
            foreach (var u in uploads) await u.DisposeAsync();
        }
    }

    public static async Task<Ok<BulkParseResponse>> BulkParse(HttpRequest request, ParseService service, IOptions<ExtractionOptions> options,
        bool? includeText, DateOnly? asOf, bool? store, bool? force, bool? redact, string? format, CancellationToken ct)
    {
        ResultViews.Validate(format);
        if (store == true) { Tenancy.Require(request.HttpContext, Scopes.ResumesWrite); service.RequireStorage(); }
        var tenant = Tenancy.TenantOf(request.HttpContext);
        var o = options.Value;
        // Small files stay in memory up to 4 MiB in all (UploadReader.BulkInMemory); the rest stream to temp files and are
        // read into memory only once they hold a parse slot (ParseSlots).
        var uploads = await UploadReader.SpoolAsync(request, "files", o.MaxFileSizeBytes, o.BulkMaxFiles, ct, UploadReader.BulkInMemory);
        try
        {
            if (uploads.Count == 0) throw new DocumentException(ErrorCodes.MissingFile);
            var entries = new BulkEntry[uploads.Count];
            var parseRequest = new ParseRequest(RequestOptions(includeText, asOf), store == true, force == true, redact == true, format);
            // Files run concurrently; the per-tool caps inside the extractors bound the native work.
            await Parallel.ForEachAsync(Enumerable.Range(0, uploads.Count), new ParallelOptions { MaxDegreeOfParallelism = o.BulkConcurrency, CancellationToken = ct },
                async (i, token) =>
                {
                    try
                    {
                        var result = (await service.ProcessAsync(uploads[i].LoadAsync, parseRequest, tenant, token)).Result;
                        entries[i] = new BulkEntry(i, uploads[i].FileName, 200, result, null);
                    }
                    catch (Exception e) when (Problems.From(e) is { } problem)
                    {
                        entries[i] = new BulkEntry(i, uploads[i].FileName, problem.Status ?? 422, null, problem);
                    }
                });
            return TypedResults.Ok(new BulkParseResponse(entries.Length, entries.Count(e => e.Result is not null), entries.Count(e => e.Error is not null), entries));
        }
        finally
        {
            foreach (var u in uploads) await u.DisposeAsync();
        }
    }

    static ParseRequestOptions RequestOptions(bool? includeText, DateOnly? asOf) => new()
    {
        IncludeText = includeText == true,
        AsOf = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow),
    };
}

public sealed record BulkEntry(int Index, string FileName, int Status, ParseResult? Result, ProblemDetails? Error);

public sealed record BulkParseResponse(int Count, int Succeeded, int Failed, IReadOnlyList<BulkEntry> Results);
