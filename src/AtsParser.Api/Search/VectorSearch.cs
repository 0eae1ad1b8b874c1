using System.Globalization;
using System.Runtime.CompilerServices;
using AtsParser.Api.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Pgvector;
using Pgvector.EntityFrameworkCore;

namespace AtsParser.Api.Search;

public sealed record VectorHit(Guid Id, double Distance);

/// <summary>
/// Nearest stored resumes of one model and one tenant: EF Core with Pgvector's CosineDistance, which becomes
/// `embedding &lt;=&gt; @q` and is served by the HNSW index (resume_embeddings_hnsw_idx, vector_cosine_ops).
/// </summary>
public static class VectorSearch
{
    /// <summary>
    /// HNSW with iterative scans, so selective filters still fill `limit`; `exact` forces a sequential scan (benchmark
    /// baseline, and ground truth for recall). Vectors of other models are never compared.
    /// </summary>
    public static async Task<List<VectorHit>> NearestAsync(AtsDb db, string tenant, string model, float[] query, int limit, ResumeFilters filters,
        CancellationToken ct, bool exact = false, int efSearch = 100)
    {
        // Without filters (the usual search) the query is compiled once per model: built with LINQ on every request it was
        // re-funcletized and its cache key computed each time. Filtered searches vary in shape and take the LINQ path.
        var unfiltered = filters.NormalizedSkills.Length == 0 && filters.NormalizedTitle is null && filters.TrimmedLocation is null && filters.MinExperienceMonths is null;
        var nearest = unfiltered
            ? Unfiltered(db)(db, tenant, model, new Vector(EmbeddingSpace.Fit(query, model)), limit)
            : Query(db, tenant, model, query, limit, filters).AsAsyncEnumerable();
        // set_config(..., true) lasts until the end of the transaction: the settings apply to this query only.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (exact) await db.Database.ExecuteSqlAsync($"SELECT set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT set_config('hnsw.ef_search', {efSearch.ToString(CultureInfo.InvariantCulture)}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)", ct);
        var hits = new List<VectorHit>(limit);
        await foreach (var hit in nearest.WithCancellation(ct)) hits.Add(hit);
        await tx.CommitAsync(ct);
        return hits;
    }

    // The same query as Query with no filters; a compiled query serves one model only, so one per model.
    static Func<AtsDb, string, string, Vector, int, IAsyncEnumerable<VectorHit>> Unfiltered(AtsDb db) => UnfilteredCompiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(
        (AtsDb db, string tenant, string model, Vector q, int limit) => db.ResumeEmbeddings.AsNoTracking()
            .Where(e => e.Model == model)
            .Join(db.Resumes.AsNoTracking().Where(r => r.Tenant == tenant), e => e.ResumeId, r => r.Id, (e, r) => e)
            .OrderBy(e => e.Embedding.CosineDistance(q))
            .Take(limit)
            .Select(e => new VectorHit(e.ResumeId, e.Embedding.CosineDistance(q)))));

    static readonly ConditionalWeakTable<IModel, Func<AtsDb, string, string, Vector, int, IAsyncEnumerable<VectorHit>>> UnfilteredCompiled = new();

    /// <summary>The query itself (a test checks that PostgreSQL can serve its ORDER BY from the HNSW index).</summary>
    public static IQueryable<VectorHit> Query(AtsDb db, string tenant, string model, float[] query, int limit, ResumeFilters filters)
    {
        var q = new Vector(EmbeddingSpace.Fit(query, model));
        var resumes = ResumeStore.Filter(db.Resumes.AsNoTracking().Where(r => r.Tenant == tenant), filters);
        return db.ResumeEmbeddings.AsNoTracking()
            .Where(e => e.Model == model)
            .Join(resumes, e => e.ResumeId, r => r.Id, (e, r) => e)
            .OrderBy(e => e.Embedding.CosineDistance(q))
            .Take(limit)
            .Select(e => new VectorHit(e.ResumeId, e.Embedding.CosineDistance(q)));
    }
}
