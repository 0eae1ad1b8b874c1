using System.Text;
using System.Text.Json;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Api.Parse;
using AtsParser.Api.Webhooks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Dapper;
using Npgsql;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Jobs;

/// <summary>Submission settings; form fields win over the query string.</summary>
public sealed record JobSettings(string? WebhookUrl, bool WebhookPerFile, DateOnly? AsOf, bool IncludeText, bool Store, bool Force);

/// <summary>How every file of a job is processed; fixed at submission and stored with the job (with the tenant it stores for).</summary>
public sealed record JobOptions(ParseRequestOptions Parse, bool Store, bool Force, string Tenant = Security.Tenancy.DefaultTenant);

/// <summary>
/// Streams a multipart job submission straight into the database: each file is read (bounded by MAX_FILE_SIZE)
/// and written as a queued item with its bytes before the next one is read, so a large batch never sits in
/// memory. Everything happens in one transaction: workers see the job only once all of it is stored.
/// </summary>
public sealed class JobIntake(JobsDatabase database, IOptions<JobsOptions> jobs, IOptions<ExtractionOptions> extraction,
    IOptions<WebhookOptions> webhooks, IOptions<HttpJsonOptions> json, DeferredJobs deferred)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Replayed: the Idempotency-Key named a job created earlier, which is returned as it is (the body is not read).</summary>
    public async Task<(Guid Id, int Total, bool Replayed)> SubmitAsync(HttpRequest request, JobSettings query, string tenant, CancellationToken ct)
    {
        var key = request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length > 200) throw new DocumentException(ErrorCodes.BadRequest, "The Idempotency-Key header is longer than 200 characters");
        if (key.Length > 0 && await FindAsync(tenant, key, ct) is { } earlier) return (earlier.Id, earlier.Total, true);
        var boundary = BoundaryOf(request);

        await using var conn = await database.Source.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        JobWriter writer;
        try { writer = await JobWriter.StartAsync(conn, tx, jobs.Value, tenant, key.Length > 0 ? key : null, ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same submission raced in on another connection and won.
            var concurrent = await FindAsync(tenant, key, ct) ?? throw new DocumentException(ErrorCodes.BadRequest, "The Idempotency-Key is in use", e);
            return (concurrent.Id, concurrent.Total, true);
        }
        var (settings, options) = await ReadAsync(request, boundary, query, writer, tenant, ct);
        var id = await writer.CompleteAsync(options, settings, ct);
        await tx.CommitAsync(ct);
        return (id, writer.Count, false);
    }

    /// <summary>
    /// The database is unreachable (the caller found out before reading the body): the submission is read into memory, bounded by
    /// OUTBOX_MAX_JOB_BYTES, and kept in the outbox under a new id, which the drainer gives the job once the database answers.
    /// No Idempotency-Key: a key cannot be checked against the jobs it may already name (the caller answers 503 instead).
    /// </summary>
    public async Task<(Guid Id, int Total)> DeferAsync(HttpRequest request, JobSettings query, string tenant, Exception cause, CancellationToken ct)
    {
        var boundary = BoundaryOf(request);
        var spool = new JobSpool(jobs.Value, deferred.MaxJobBytes, cause);
        var (settings, options) = await ReadAsync(request, boundary, query, spool, tenant, ct);
        var id = await deferred.DeferAsync(tenant, spool, options, settings, cause, ct);
        return (id, spool.Count);
    }

    /// <summary>The files into `files`, then the settings (form fields win over the query) and the options stored with the job, as JSON.</summary>
    async Task<(JobSettings Settings, string OptionsJson)> ReadAsync(HttpRequest request, string boundary, JobSettings query, IJobFiles files, string tenant, CancellationToken ct)
    {
        Dictionary<string, string> fields;
        try { fields = await ReadSectionsAsync(request.Body, boundary, files, ct); }
        catch (Exception e) when (MultipartErrors.IsMalformed(e))
        {
            throw new DocumentException(Infrastructure.HttpErrors.MalformedMultipart, null, e);
        }
        if (files.Count == 0) throw new DocumentException(ErrorCodes.MissingFile);

        var settings = Merge(query, fields);
        Validate(settings);
        // asOf is fixed now, so a retry next week resolves "Present" exactly like the first attempt would have.
        var parse = new ParseRequestOptions { IncludeText = settings.IncludeText, AsOf = settings.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow) };
        if (settings.Store) Security.Tenancy.Require(request.HttpContext, Security.Scopes.ResumesWrite);
        var options = new JobOptions(parse, settings.Store, settings.Force, tenant);
        return (settings, JsonSerializer.Serialize(options, json.Value.SerializerOptions));
    }

    static string BoundaryOf(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new DocumentException(Infrastructure.HttpErrors.UnsupportedMediaType, "Send multipart/form-data with the documents in the field 'files' (repeated), or one .zip");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new DocumentException(Infrastructure.HttpErrors.MalformedMultipart, "The multipart request has no boundary.");
        return boundary;
    }

    async Task<Dictionary<string, string>> ReadSectionsAsync(Stream body, string boundary, IJobFiles writer, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd)) continue;
            var name = cd.Name.Value?.Trim('"') ?? "";
            if (!cd.IsFileDisposition())
            {
                fields[name] = await ReadField(section.Body, ct);
                continue;
            }
            if (!name.Equals("files", StringComparison.OrdinalIgnoreCase) && !name.Equals("file", StringComparison.OrdinalIgnoreCase)) continue;
            var fileName = FileNames.Sanitize(cd.FileNameStar.Value ?? cd.FileName.Value ?? "upload");
            if (ZipBatch.IsZip(fileName, section.ContentType)) await AddZip(section.Body, writer, ct);
            else
            {
                // Spooled to a temp file and streamed into the database: no whole file is held in memory.
                await using var file = await SpooledUpload.WriteAsync(extraction.Value.TempDirectory, section.Body, fileName, section.ContentType, extraction.Value.MaxFileSizeBytes, ct);
                await writer.AddAsync(file, ct);
            }
        }
        return fields;
    }

    async Task<(Guid Id, int Total)?> FindAsync(string tenant, string key, CancellationToken ct)
    {
        await using var conn = await database.Source.OpenConnectionAsync(ct);
        var job = await conn.QuerySingleOrDefaultAsync<(Guid Id, int Total)>(new CommandDefinition(
            "SELECT id, total FROM jobs WHERE tenant = @tenant AND idempotency_key = @key", new { tenant, key }, cancellationToken: ct));
        return job.Id == Guid.Empty ? null : job;
    }

    async Task AddZip(Stream body, IJobFiles writer, CancellationToken ct)
    {
        // ZipArchive needs a seekable stream: spool to a temp file that deletes itself, bounded by the job cap.
        var root = extraction.Value.TempDirectory;
        TempRoots.Ensure(root);
        await using var spool = TempDir.CreatePrivateFile(Path.Combine(root, $"job-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous, FileAccess.ReadWrite);
        var buffer = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (spool.Length + n > jobs.Value.MaxJobBytes) throw new JobRejectedException(JobErrors.JobTooLarge, "The zip is larger than JOBS_MAX_JOB_BYTES");
            await spool.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        spool.Position = 0;
        var x = extraction.Value;
        var caps = new ZipBatch.Caps(x.MaxFileSizeBytes, x.MaxZipCompressionRatio, jobs.Value.MaxFilesPerJob - writer.Count, jobs.Value.MaxJobBytes);
        await ZipBatch.ExpandAsync(spool, caps, upload => writer.AddAsync(upload, ct), ct);
    }

    static async Task<string> ReadField(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[4096];
        var n = await reader.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, n).Trim();
    }

    void Validate(JobSettings s)
    {
        if (s.WebhookUrl is null) return;
        if (!Uri.TryCreate(s.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new JobRejectedException(JobErrors.InvalidWebhookUrl);
        if (string.IsNullOrEmpty(webhooks.Value.Secret)) throw new JobRejectedException(JobErrors.WebhooksDisabled);
    }

    static JobSettings Merge(JobSettings query, Dictionary<string, string> f)
    {
        DateOnly? asOf = query.AsOf;
        if (f.TryGetValue("asOf", out var a))
            asOf = DateOnly.TryParseExact(a, "yyyy-MM-dd", out var d) ? d : throw new DocumentException(ErrorCodes.BadRequest, "asOf must be a date like 2024-06-30");
        return new JobSettings(
            f.TryGetValue("webhookUrl", out var url) ? url : query.WebhookUrl,
            Flag(f, "webhookPerFile", query.WebhookPerFile),
            asOf,
            Flag(f, "includeText", query.IncludeText), Flag(f, "store", query.Store), Flag(f, "force", query.Force));
    }

    static bool Flag(Dictionary<string, string> fields, string name, bool fallback) =>
        fields.TryGetValue(name, out var v) ? v.Equals("true", StringComparison.OrdinalIgnoreCase) : fallback;
}
