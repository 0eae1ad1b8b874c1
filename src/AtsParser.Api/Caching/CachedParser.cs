using System.Security.Cryptography;
using AtsParser.Api.Parse;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Caching;

public sealed record ParseOutcome(ParseResult Result, string FullText, bool CacheHit);

/// <summary>
/// The pipeline behind the cache: look up, otherwise parse once per key in this process (single-flight) and store.
/// A caller that joined another caller's parse is reported as a hit: it did not run the pipeline.
/// </summary>
public sealed class CachedParser(DocumentPipeline pipeline, ParseCache cache, ParserIdentity parser)
{
    readonly SingleFlight<CachedParse> _flights = new();

    /// <param name="refresh">Skip the lookup (e.g. ?force=true) but still write the fresh result.</param>
    public async Task<ParseOutcome> ParseAsync(Upload upload, ParseRequestOptions options, bool refresh, CancellationToken ct)
    {
        if (upload.Error is not null || upload.Bytes is not { Length: > 0 } bytes)
        {
            var failed = await pipeline.ProcessAsync(upload, options, ct); // raises the upload's error
            return new ParseOutcome(failed, failed.Extraction.FullText, false);
        }
        var key = CacheKey.For(upload.Sha256, options, parser);
        if (!refresh && await cache.GetAsync(key, ct) is { } cached) return Present(cached, options, upload.FileName, hit: true);

        var (entry, joined) = await _flights.RunAsync($"{key.Sha256}|{key.Variant}|{refresh}", async token =>
        {
            var result = await pipeline.ProcessAsync(upload, options with { IncludeText = false }, token);
            var fresh = new CachedParse(result, result.Extraction.FullText);
            await cache.SetAsync(key, fresh, token);
            return fresh;
        }, ct);
        return Present(entry, options, upload.FileName, hit: joined);
    }

    // The cached result belongs to the bytes; the file name belongs to this upload (identical bytes arrive under many names).
    static ParseOutcome Present(CachedParse entry, ParseRequestOptions options, string fileName, bool hit)
    {
        var r = entry.Result;
        if (r.Document.FileName != fileName) r = r with { Document = r.Document with { FileName = fileName } };
        if (options.IncludeText) r = r with { Extraction = r.Extraction with { Text = entry.FullText } };
        if (r.Resume is { } resume) r = r with { Resume = resume with { Meta = resume.Meta with { Cache = hit ? "hit" : "miss" } } };
        return new ParseOutcome(r, entry.FullText, hit);
    }
}
