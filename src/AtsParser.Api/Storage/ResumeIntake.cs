using System.Security.Cryptography;
using AtsParser.Api.Caching;
using AtsParser.Api.Parse;
using Microsoft.Extensions.Options;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Storage;

/// <summary>
/// What the parse endpoints (and job workers) call: parse through the cache, and with store=true persist the result.
/// Storing the same bytes again returns the stored result and id unless force is set, which re-parses and replaces it.
/// A singleton: every store uses its own scope, so bulk uploads can store in parallel.
/// </summary>
public sealed class ResumeIntake(CachedParser parser, IServiceScopeFactory scopes, IOptions<StorageOptions> storage)
{
    /// <param name="tenant">Whose stored resumes dedupe and storing see (only used with store=true).</param>
    public async Task<ParseOutcome> ProcessAsync(Upload upload, ParseRequestOptions options, bool store, bool force, string tenant, CancellationToken ct)
    {
        if (!store) return await parser.ParseAsync(upload, options, refresh: force, ct);
        RequireStorage();

        await using var scope = scopes.CreateAsyncScope();
        var resumes = scope.ServiceProvider.GetRequiredService<ResumeStore>();
        if (!force && upload is { Error: null, Bytes: { Length: > 0 } bytes }
            && await resumes.FindByShaAsync(tenant, upload.Sha256, ct) is { } existing)
        {
            var r = existing.Result;
            if (options.IncludeText && existing.FullText.Length > 0) r = r with { Extraction = r.Extraction with { Text = existing.FullText } };
            if (r.Resume is { } resume) r = r with { Resume = resume with { Meta = resume.Meta with { Cache = "hit" } } };
            return existing with { Result = r };
        }
        var parsed = await parser.ParseAsync(upload, options, refresh: force, ct);
        var id = await resumes.SaveAsync(tenant, parsed, ct);
        return parsed with { Result = parsed.Result with { Id = id } };
    }

    public void RequireStorage()
    {
        if (!storage.Value.Enabled) throw new StorageException(StorageException.Disabled);
    }
}
