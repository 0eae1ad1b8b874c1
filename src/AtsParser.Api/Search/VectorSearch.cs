using System.Globalization;
using AtsParser.Api.Storage;
using Microsoft.EntityFrameworkCore;
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
        var nearest = Query(db, tenant, model, query, limit, filters);
        // set_config(..., true) lasts until the end of the transaction: the settings apply to this query only.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (exact) await db.Database.ExecuteSqlAsync($"SELECT set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT set_config('hnsw.ef_search', {efSearch.ToString(CultureInfo.InvariantCulture)}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)", ct);
        var hits = await nearest.ToListAsync(ct);
        await tx.CommitAsync(ct);
        return hits;
    }

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
