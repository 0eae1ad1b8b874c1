using System.Text.Json;
using AtsParser.Api.Storage;
using AtsParser.Api.Parse;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Search;

/// <summary>Job description → the configured model's vector → nearest stored resumes (same model only) → hybrid re-rank.</summary>
public sealed class CandidateSearch(AtsDb db, ResumeStore store, IEmbedder embedder, IOptions<JsonOptions> json)
{
    /// <summary>How many vector neighbours the re-ranker sees per requested result.</summary>
    const int PoolFactor = 5, MinPool = 50;

    public async Task<SearchResponse> SearchAsync(string tenant, SearchRequest request, HybridWeights weights, CancellationToken ct) =>
        await SearchAsync(tenant, request, await embedder.EmbedAsync(request.Text, ct), weights, ct);

    /// <summary>With the query's vector already computed (the endpoint embeds first to refuse an empty query).</summary>
    public async Task<SearchResponse> SearchAsync(string tenant, SearchRequest request, float[] query, HybridWeights weights, CancellationToken ct)
    {
        // One connection for both queries: left to EF, the vector query's transaction closes it and the row read opens
        // another (a pool round trip and a session reset); the raw-SQL search this replaced held one too.
        await db.Database.OpenConnectionAsync(ct);
        var hits = await VectorSearch.NearestAsync(db, tenant, embedder.Model, query, Math.Max(request.TopK * PoolFactor, MinPool),
            request.Filters ?? new ResumeFilters(), ct);
        var rows = (await store.RowsAsync(tenant, hits.Select(h => h.Id).ToList(), ct)).ToDictionary(r => r.Id);
        var ranked = HybridRanker.Rank(request.Text,
            hits.Where(h => rows.ContainsKey(h.Id)).Select(h => new HybridRanker.Input(h.Id, h.Distance, rows[h.Id].Skills, rows[h.Id].Titles)), weights);

        var results = ranked.Take(request.TopK).Select(r =>
        {
            var row = rows[r.Id];
            var parsed = JsonSerializer.Deserialize<ParseResult>(row.Parsed, json.Value.SerializerOptions);
            return new SearchHit(r.Id, r.Score, row.FileName, row.CandidateName, row.Location, parsed?.Resume?.Derived.CurrentTitle,
                row.ExperienceMonths, new SearchExplanation(r.Similarity, r.MatchedSkills, r.MatchedTitles));
        }).ToList();
        return new SearchResponse(embedder.Model, weights == HybridWeights.VectorOnly ? "vector" : "hybrid", results);
    }
}
