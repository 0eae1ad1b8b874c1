using AtsParser.Api.Caching;
using AtsParser.Api.Storage;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Output;
using AtsParser.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Parse;

/// <summary>What one caller asked for one file: parse options, whether to store, and how to present the result.
/// Background (a job item) waits for a parse slot as long as it takes instead of being answered server_busy.</summary>
public sealed record ParseRequest(ParseRequestOptions Options, bool Store = false, bool Force = false, bool Redact = false, string? Format = null,
    bool Background = false);

/// <summary>
/// The one parse path behind /parse, bulk and the job worker: dedupe against the tenant's stored resumes → cache →
/// pipeline → store → present. Everything a caller sees that is not a property of the bytes (this upload's file
/// name, the text on request, the cache meta, the stored id, redaction and the output format) is set here, once.
/// A singleton: each store uses its own scope, so bulk uploads can store in parallel.
/// </summary>
public sealed class ParseService(CachedParser parser, ParseSlots slots, IServiceScopeFactory scopes, IOptions<StorageOptions> storage,
    DeferredResumes deferred, ILogger<ParseService> logger)
{
    /// <summary>Takes a parse slot (PARSE_CONCURRENCY) first and only then reads the bytes: a waiting upload stays on disk (or in the database).</summary>
    /// <param name="tenant">Whose stored resumes dedupe and storing see (only used with Store).</param>
    public async Task<ParseOutcome> ProcessAsync(Func<CancellationToken, Task<Upload>> load, ParseRequest request, string tenant, CancellationToken ct)
    {
        using var slot = await slots.EnterAsync(request.Background, ct);
        using var ambient = ToolWait.Bind(slot);
        return await ProcessAsync(await load(ct), request, tenant, ct);
    }

    async Task<ParseOutcome> ProcessAsync(Upload upload, ParseRequest request, string tenant, CancellationToken ct)
    {
        if (!request.Store)
        {
            var (entry, hit) = await parser.ParseAsync(upload, request.Options, refresh: request.Force, ct);
            return Present(entry.Result, entry.FullText, hit, upload.FileName, null, request);
        }
        RequireStorage();
        await using var scope = scopes.CreateAsyncScope();
        var resumes = scope.ServiceProvider.GetRequiredService<ResumeStore>();
        // Storing the same bytes again returns the stored result and id (under the name it was stored with) unless Force re-parses and replaces it.
        if (!request.Force && upload is { Error: null, Bytes: { Length: > 0 } }
            && await FindStoredAsync(resumes, tenant, upload.Sha256, ct) is { } existing)
            return Present(existing.Result, existing.FullText, hit: true, existing.Result.Document.FileName, existing.Result.Id, request);

        var (fresh, joined) = await parser.ParseAsync(upload, request.Options, refresh: request.Force, ct);
        var named = Present(fresh.Result, fresh.FullText, joined, upload.FileName, null, request with { Redact = false, Format = null });
        Guid id;
        string? storage = null;
        try { id = await resumes.SaveAsync(tenant, named, ct); }
        catch (Exception e) when (StorageException.IsUnavailable(e) && !ct.IsCancellationRequested)
        {
            // Write-behind: the outbox (Redis) keeps it under this id until the database answers; 503 only when it cannot.
            id = await deferred.DeferAsync(tenant, named, request.Force, e, ct);
            storage = DeferredResumes.Deferred;
        }
        var outcome = Present(fresh.Result, fresh.FullText, joined, upload.FileName, id, request);
        return storage is null ? outcome : outcome with { Result = outcome.Result with { Storage = storage } };
    }

    /// <summary>An unreachable database is no match: the document is parsed (and its store deferred) instead of failing the request.</summary>
    async Task<ParseOutcome?> FindStoredAsync(ResumeStore resumes, string tenant, string sha256, CancellationToken ct)
    {
        try { return await resumes.FindByShaAsync(tenant, sha256, ct); }
        catch (Exception e) when (StorageException.IsUnavailable(e) && deferred.Active && !ct.IsCancellationRequested)
        {
            Log.DedupeSkipped(logger, sha256, e.GetType().Name);
            return null;
        }
    }

    public void RequireStorage()
    {
        if (!storage.Value.Enabled) throw new StorageException(StorageException.Disabled);
    }

    static ParseOutcome Present(ParseResult r, string fullText, bool hit, string fileName, Guid? id, ParseRequest request)
    {
        // The parse belongs to the bytes; the file name belongs to this upload (identical bytes arrive under many names).
        if (r.Document.FileName != fileName) r = r with { Document = r.Document with { FileName = fileName } };
        r = r with { Id = id, Extraction = r.Extraction with { Text = request.Options.IncludeText && fullText.Length > 0 ? fullText : null } };
        if (r.Resume is { } resume) r = r with { Resume = resume with { Meta = resume.Meta with { Cache = hit ? "hit" : "miss" } } };
        return new ParseOutcome(ResultViews.Apply(r, request.Redact, request.Format), fullText, hit);
    }
}
