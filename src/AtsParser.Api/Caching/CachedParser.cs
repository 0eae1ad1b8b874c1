using AtsParser.Core.Pipeline;
using System.Security.Cryptography;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Caching;

public sealed record ParseOutcome(ParseResult Result, string FullText, bool CacheHit);

/// <summary>
/// The pipeline behind the cache: look up, otherwise parse once per key in this process (single-flight) and store.
/// A caller that joined another caller's parse is reported as a hit: it did not run the pipeline.
/// </summary>
public sealed class CachedParser(DocumentPipeline pipeline, ParseCache cache, ParserIdentity parser)
{
    readonly SingleFlight<(CachedParse Entry, bool FromCache)> _flights = new();

    /// <param name="refresh">Skip the lookup (e.g. ?force=true) but still write the fresh result.</param>
    /// <returns>The entry as cached (its file name is the first uploader's; ParseService presents it) and whether it was a hit.</returns>
    public async Task<(CachedParse Entry, bool Hit)> ParseAsync(Upload upload, ParseRequestOptions options, bool refresh, CancellationToken ct)
    {
        if (upload.Error is not null || upload.Bytes is not { Length: > 0 })
        {
            var failed = await pipeline.ProcessAsync(upload, options, ct); // raises the upload's error
            return (new CachedParse(failed, failed.Extraction.FullText), false);
        }
        var key = CacheKey.For(upload.Sha256, options, parser);
        if (!refresh && await cache.GetAsync(key, ct) is { } cached) return (cached, true);

        var ((entry, late), joined) = await _flights.RunAsync($"{key.Sha256}|{key.Variant}|{refresh}", async token =>
        {
            // A flight that ended between our lookup and this one has written the cache: read it instead of parsing again.
            if (!refresh && await cache.GetAsync(key, token) is { } written) return (written, true);
            var result = await pipeline.ProcessAsync(upload, options with { IncludeText = false }, token);
            var fresh = new CachedParse(result, result.Extraction.FullText);
            await cache.SetAsync(key, fresh, token);
            return (fresh, false);
        }, ct);
        return (entry, joined || late);
    }
}
