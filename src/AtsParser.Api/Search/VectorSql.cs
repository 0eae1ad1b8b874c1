using AtsParser.Api.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AtsParser.Api.Search;

public sealed record VectorHit(Guid Id, double Distance);

/// <summary>
/// Every pgvector statement in one place. The Pgvector .NET packages do not work with Npgsql 10, so vectors travel
/// as real[] (assignment-cast on insert, `::vector` in queries). Queries always filter on the model.
/// </summary>
public static class VectorSql
{
    public static async Task UpsertAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid resumeId, string model, int dimensions, float[] vector, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO resume_embeddings (resume_id, model, dimensions, embedding) VALUES (@id, @model, @dims, @v)
            ON CONFLICT (resume_id, model) DO UPDATE SET dimensions = excluded.dimensions, embedding = excluded.embedding, created_at = now()
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", resumeId);
        cmd.Parameters.AddWithValue("model", model);
        cmd.Parameters.AddWithValue("dims", dimensions);
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = EmbeddingSpace.Fit(vector, model) });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Nearest resumes of one model under the structured filters. HNSW with iterative scans, so selective filters
    /// still fill `limit`; `exact` forces a sequential scan (benchmark baseline, and ground truth for recall).
    /// </summary>
    public static async Task<List<VectorHit>> NearestAsync(NpgsqlConnection conn, string model, float[] query, int limit, ResumeFilters filters, CancellationToken ct, bool exact = false, int efSearch = 100, string? tenant = null)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand(exact
            ? "SELECT set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)"
            : "SELECT set_config('hnsw.ef_search', @ef, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)", conn, tx))
        {
            if (!exact) set.Parameters.AddWithValue("ef", efSearch.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await set.ExecuteNonQueryAsync(ct);
        }

        var where = new List<string> { "e.model = @model" };
        await using var cmd = new NpgsqlCommand { Connection = conn, Transaction = tx };
        cmd.Parameters.AddWithValue("model", model);
        cmd.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = EmbeddingSpace.Fit(query, model) });
        cmd.Parameters.AddWithValue("limit", limit);
        if (tenant is not null) { where.Add("r.tenant = @tenant"); cmd.Parameters.AddWithValue("tenant", tenant); }
        if (filters.NormalizedSkills is { Length: > 0 } skills) { where.Add("r.skills @> @skills"); cmd.Parameters.AddWithValue("skills", skills); }
        if (filters.NormalizedTitle is { } title) { where.Add("EXISTS (SELECT 1 FROM unnest(r.titles) t WHERE strpos(t, @title) > 0)"); cmd.Parameters.AddWithValue("title", title); }
        if (filters.TrimmedLocation is { } location) { where.Add("strpos(lower(r.location), lower(@location)) > 0"); cmd.Parameters.AddWithValue("location", location); }
        if (filters.MinExperienceMonths is { } months) { where.Add("r.experience_months >= @months"); cmd.Parameters.AddWithValue("months", months); }
        cmd.CommandText = $"""
            SELECT e.resume_id, e.embedding <=> @q::vector(1536) AS distance
            FROM resume_embeddings e JOIN resumes r ON r.id = e.resume_id
            WHERE {string.Join(" AND ", where)}
            ORDER BY e.embedding <=> @q::vector(1536)
            LIMIT @limit
            """;
        var hits = new List<VectorHit>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) hits.Add(new VectorHit(reader.GetGuid(0), reader.GetDouble(1)));
        await tx.CommitAsync(ct);
        return hits;
    }
}
