using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AtsParser.Core.Parsing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AtsParser.Api.Corrections;

/// <summary>Who made a correction: the authenticated caller, an optional reviewer name, and the caller's tenant.</summary>
public sealed record Corrector(string Caller, string? Reviewer, string? Tenant);

public sealed record CorrectionEntry(long Id, string Caller, string? Reviewer, DateTimeOffset CreatedAt, JsonNode Operations);

/// <summary>GET /api/v1/resumes/{id}/corrections and the PATCH answer: the corrected result and every correction, oldest first.</summary>
public sealed record CorrectionHistory(Guid ResumeId, JsonNode Corrected, IReadOnlyList<CorrectionEntry> Corrections);

public sealed record CorrectedResume(Guid ResumeId, ParseResult Result, int Corrections, DateTimeOffset LastCorrectedAt, string[] Reviewers);

/// <summary>
/// Corrections beside the original parse (resume_corrections, Corrections/0120_corrections.sql). A PATCH locks the
/// resume row, applies the operations to the latest corrected view (or the original), checks that the outcome is still
/// a schema v1 result, and appends one row. Rows are scoped by tenant where the caller has one.
/// </summary>
public sealed class CorrectionStore(NpgsqlDataSource db, IOptions<JsonOptions> json, ILogger<CorrectionStore> logger)
{
    readonly JsonSerializerOptions _json = json.Value.SerializerOptions;
    readonly JsonSerializerOptions _strict = new(json.Value.SerializerOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public async Task<CorrectionHistory?> CorrectAsync(Guid resumeId, IReadOnlyList<PatchOperation> operations, Corrector who, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await CurrentAsync(conn, tx, resumeId, who.Tenant, forUpdate: true, ct);
        if (current is null) return null;

        var (corrected, applied) = JsonPatch.Apply(current, operations);
        Validate(corrected);
        var recorded = new JsonArray(applied.Select(a => (JsonNode)new JsonObject
        {
            ["op"] = a.Op, ["path"] = a.Path, ["before"] = a.Before?.DeepClone(), ["after"] = a.After?.DeepClone(),
        }).ToArray());

        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO resume_corrections (resume_id, tenant, caller, reviewer, operations, corrected)
            VALUES (@id, @tenant, @caller, @reviewer, @ops, @corrected)
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("id", resumeId);
            cmd.Parameters.AddWithValue("tenant", (object?)who.Tenant ?? DBNull.Value);
            cmd.Parameters.AddWithValue("caller", who.Caller);
            cmd.Parameters.AddWithValue("reviewer", (object?)who.Reviewer ?? DBNull.Value);
            cmd.Parameters.AddWithValue("ops", NpgsqlDbType.Jsonb, recorded.ToJsonString());
            cmd.Parameters.AddWithValue("corrected", NpgsqlDbType.Jsonb, corrected.ToJsonString());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        Log.CorrectionStored(logger, resumeId, applied.Count);
        return await HistoryAsync(resumeId, who.Tenant, ct);
    }

    public async Task<CorrectionHistory?> HistoryAsync(Guid resumeId, string? tenant, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var current = await CurrentAsync(conn, null, resumeId, tenant, forUpdate: false, ct);
        if (current is null) return null;
        current["id"] = resumeId;
        var entries = new List<CorrectionEntry>();
        await using var cmd = new NpgsqlCommand("""
            SELECT id, caller, reviewer, created_at, operations::text FROM resume_corrections
            WHERE resume_id = @id AND tenant IS NOT DISTINCT FROM @tenant ORDER BY id
            """, conn);
        cmd.Parameters.AddWithValue("id", resumeId);
        cmd.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            entries.Add(new(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), JsonNode.Parse(r.GetString(4))!));
        return new CorrectionHistory(resumeId, current, entries);
    }

    /// <summary>The latest corrected view of every corrected resume of the tenant, in order of first correction.</summary>
    public async IAsyncEnumerable<CorrectedResume> CorrectedAsync(string? tenant, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT c.resume_id, (SELECT corrected::text FROM resume_corrections l WHERE l.id = max(c.id)),
                   count(*), max(c.created_at), array_agg(DISTINCT coalesce(c.reviewer, c.caller))
            FROM resume_corrections c
            WHERE c.tenant IS NOT DISTINCT FROM @tenant
            GROUP BY c.resume_id ORDER BY min(c.id)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            yield return new CorrectedResume(r.GetGuid(0), JsonSerializer.Deserialize<ParseResult>(r.GetString(1), _json)!,
                (int)r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<string[]>(4));
    }

    /// <summary>The latest corrected view, or the original parse; null when the resume does not exist (for this tenant).</summary>
    static async Task<JsonNode?> CurrentAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, string? tenant, bool forUpdate, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT r.parsed::text,
                   (SELECT c.corrected::text FROM resume_corrections c
                    WHERE c.resume_id = r.id AND c.tenant IS NOT DISTINCT FROM @tenant ORDER BY c.id DESC LIMIT 1)
            FROM resumes r WHERE r.id = @id AND r.tenant = @tenant {(forUpdate ? "FOR UPDATE OF r" : "")}
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return JsonNode.Parse(r.IsDBNull(1) ? r.GetString(0) : r.GetString(1));
    }

    void Validate(JsonNode corrected)
    {
        ParseResult? result;
        try { result = corrected.Deserialize<ParseResult>(_strict); }
        catch (JsonException e)
        {
            throw new JsonPatchException(CorrectionProblems.InvalidCorrection,
                $"After the patch, {e.Path ?? "the resume"} does not fit schema v1 (/schemas/resume-v1.json): check the value's type and property names.");
        }
        if (result?.Resume is null)
            throw new JsonPatchException(CorrectionProblems.InvalidCorrection, "The patch removed the resume itself; correct its members instead.");
    }
}
