using System.Text.Json;
using AtsParser.Api.Caching;
using AtsParser.Core.Documents;
using AtsParser.Api.Parse;
using AtsParser.Api.Search;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Storage;

public sealed record ResumeSummary(Guid Id, string FileName, string Format, string? CandidateName, string? Location,
    string[] Skills, string[] Titles, int? ExperienceMonths, DateTimeOffset CreatedAt);

public sealed record ResumePage(int Total, int Page, int PageSize, IReadOnlyList<ResumeSummary> Items);

/// <summary>Reads and writes stored resumes. Scoped, like the DbContext it uses directly.</summary>
public sealed class ResumeStore(AtsDb db, IEmbedder embedder, IOptions<StorageOptions> options, IOptions<JsonOptions> json, ILogger<ResumeStore> logger)
{
    readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public async Task<ParseOutcome?> FindByShaAsync(string tenant, string sha256, CancellationToken ct)
    {
        var row = await db.Resumes.AsNoTracking().FirstOrDefaultAsync(r => r.Tenant == tenant && r.Sha256 == sha256, ct);
        if (row is null) return null;
        var text = await db.ResumeTexts.AsNoTracking().Where(t => t.ResumeId == row.Id).Select(t => t.Text).FirstOrDefaultAsync(ct);
        return new ParseOutcome(ToResult(row), text ?? "", CacheHit: true);
    }

    public async Task<ParseResult?> GetAsync(string tenant, Guid id, CancellationToken ct) =>
        await db.Resumes.AsNoTracking().FirstOrDefaultAsync(r => r.Tenant == tenant && r.Id == id, ct) is { } row ? ToResult(row) : null;

    /// <summary>Inserts, or replaces the tenant's row with the same sha256 (dedupe is decided by the caller), with its text and embedding.</summary>
    public async Task<Guid> SaveAsync(string tenant, ParseOutcome parsed, CancellationToken ct)
    {
        var result = parsed.Result with { Id = null, Extraction = parsed.Result.Extraction with { Text = null } };
        if (result.Resume is { } resume) result = result with { Resume = resume with { Meta = resume.Meta with { Cache = null } } };
        var facts = ResumeFacts.From(result);
        var embedding = await TryEmbedAsync(result.Document.Sha256, parsed.FullText, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var ntx = (NpgsqlTransaction)tx.GetDbTransaction();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO resumes (id, tenant, sha256, file_name, format, size_bytes, parsed, parser_meta, candidate_name, location, skills, titles, experience_months)
            VALUES (@id, @tenant, @sha, @file, @format, @size, @parsed::jsonb, @meta::jsonb, @name, @location, @skills, @titles, @months)
            ON CONFLICT (tenant, sha256) DO UPDATE SET file_name = excluded.file_name, format = excluded.format, size_bytes = excluded.size_bytes,
                parsed = excluded.parsed, parser_meta = excluded.parser_meta, candidate_name = excluded.candidate_name, location = excluded.location,
                skills = excluded.skills, titles = excluded.titles, experience_months = excluded.experience_months, updated_at = now()
            RETURNING id
            """, conn, ntx);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("tenant", tenant);
        cmd.Parameters.AddWithValue("sha", result.Document.Sha256);
        cmd.Parameters.AddWithValue("file", result.Document.FileName);
        cmd.Parameters.AddWithValue("format", result.Document.Format.Name());
        cmd.Parameters.AddWithValue("size", result.Document.Bytes);
        cmd.Parameters.AddWithValue("parsed", JsonSerializer.Serialize(result, _json));
        cmd.Parameters.AddWithValue("meta", JsonSerializer.Serialize(ParserMeta(result), _json));
        cmd.Parameters.AddWithValue("name", (object?)facts.CandidateName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("location", (object?)facts.Location ?? DBNull.Value);
        cmd.Parameters.AddWithValue("skills", facts.Skills);
        cmd.Parameters.AddWithValue("titles", facts.Titles);
        cmd.Parameters.AddWithValue("months", (object?)facts.ExperienceMonths ?? DBNull.Value);
        var id = (Guid)(await cmd.ExecuteScalarAsync(ct))!;

        // STORE_TEXT off also removes text kept by an earlier, differently configured upload of the same file.
        await db.ResumeTexts.Where(t => t.ResumeId == id).ExecuteDeleteAsync(ct);
        if (options.Value.StoreText) { db.ResumeTexts.Add(new ResumeTextRow { ResumeId = id, Text = parsed.FullText }); await db.SaveChangesAsync(ct); }
        if (embedding is not null) await VectorSql.UpsertAsync(conn, ntx, id, embedder.Model, embedding.Value.Dimensions, embedding.Value.Vector, ct);
        await tx.CommitAsync(ct);
        Log.ResumeStored(logger, id, result.Document.Sha256, embedder.Model, embedding is not null);
        return id;
    }

    /// <summary>Deletes the resume with its text and embeddings (cascade). Returns its sha256, so the caller can erase the cache.</summary>
    public async Task<string?> DeleteAsync(string tenant, Guid id, CancellationToken ct)
    {
        var sha = await db.Resumes.Where(r => r.Tenant == tenant && r.Id == id).Select(r => r.Sha256).FirstOrDefaultAsync(ct);
        if (sha is null) return null;
        await db.Resumes.Where(r => r.Tenant == tenant && r.Id == id).ExecuteDeleteAsync(ct);
        return sha;
    }

    /// <summary>Deletes up to `batch` resumes stored before the cutoff; returns their sha256s.</summary>
    public async Task<List<string>> DeleteOlderThanAsync(DateTimeOffset cutoff, int batch, CancellationToken ct)
    {
        var victims = await db.Resumes.Where(r => r.CreatedAt < cutoff).OrderBy(r => r.CreatedAt).Take(batch)
            .Select(r => new { r.Id, r.Sha256 }).ToListAsync(ct);
        var ids = victims.Select(v => v.Id).ToList();
        if (ids.Count > 0) await db.Resumes.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
        return victims.Select(v => v.Sha256).ToList();
    }

    public async Task<ResumePage> ListAsync(string tenant, ResumeFilters filters, int page, int pageSize, CancellationToken ct)
    {
        var q = db.Resumes.AsNoTracking().Where(r => r.Tenant == tenant);
        foreach (var skill in filters.NormalizedSkills) q = q.Where(r => r.Skills.Contains(skill));
        if (filters.NormalizedTitle is { } title) q = q.Where(r => r.Titles.Any(t => t.Contains(title)));
        if (filters.TrimmedLocation is { } location) q = q.Where(r => r.Location != null && r.Location.ToLower().Contains(location.ToLower()));
        if (filters.MinExperienceMonths is { } months) q = q.Where(r => r.ExperienceMonths >= months);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new ResumeSummary(r.Id, r.FileName, r.Format, r.CandidateName, r.Location, r.Skills, r.Titles, r.ExperienceMonths, r.CreatedAt))
            .ToListAsync(ct);
        return new ResumePage(total, page, pageSize, items);
    }

    public Task<List<ResumeRow>> RowsAsync(string tenant, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Resumes.AsNoTracking().Where(r => r.Tenant == tenant && ids.Contains(r.Id)).ToListAsync(ct);

    ParseResult ToResult(ResumeRow row) => JsonSerializer.Deserialize<ParseResult>(row.Parsed, _json)! with { Id = row.Id };

    static object ParserMeta(ParseResult r) => new
    {
        PipelineVersion = PipelineVersion.Current,
        r.Extraction.ExtractedBy,
        r.Extraction.OcrUsed,
        Parser = r.Resume?.Meta.Parser,
        Model = r.Resume?.Meta.Model,
        AsOf = r.Resume?.Meta.AsOf,
        r.TimingsMs,
    };

    async Task<(float[] Vector, int Dimensions)?> TryEmbedAsync(string sha256, string text, CancellationToken ct)
    {
        try
        {
            var v = await embedder.EmbedAsync(text, ct);
            return (v, v.Length);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The resume is still stored; it becomes searchable when it is next stored with ?force=true.
            Log.EmbeddingFailed(logger, sha256, embedder.Model, e.GetType().Name);
            return null;
        }
    }
}
