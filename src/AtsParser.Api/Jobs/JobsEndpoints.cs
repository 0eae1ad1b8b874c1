using AtsParser.Api.Infrastructure;
using AtsParser.Api.Storage;
using AtsParser.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AtsParser.Api.Jobs;

public static class JobsEndpoints
{
    public const string JsonLines = "application/x-ndjson";

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireScope(Scopes.Jobs).AddEndpointFilter(ResumeEndpoints.RequireStorage)
            .AddEndpointFilter(RequireOwnJob).ProducesProblem(403).ProducesProblem(503);
        // Files are streamed into the database one by one with their own caps; the request cap is the whole job's.
        jobs.MapPost("/", Create).WithUploadLimit(sp => JobBodyLimit(sp.GetRequiredService<IOptions<JobsOptions>>().Value)).Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(413);
        jobs.MapGet("/{id:guid}", Get).ProducesProblem(404);
        jobs.MapGet("/{id:guid}/results", Results).Produces(200, contentType: JsonLines).ProducesProblem(404);
        jobs.MapDelete("/{id:guid}", Cancel).ProducesProblem(404);
        jobs.MapPost("/{id:guid}/requeue", Requeue).ProducesProblem(404);
        return app;
    }

    /// <summary>Files, fields and multipart framing of the largest job JOBS_MAX_JOB_BYTES and JOBS_MAX_FILES allow.</summary>
    public static long JobBodyLimit(JobsOptions o) => o.MaxJobBytes + o.MaxFilesPerJob * 1024L + BodyLimits.MultipartOverhead;

    /// <summary>
    /// Multipart `files` (repeated) or one .zip; webhookUrl, webhookPerFile, asOf, includeText, store and force as query
    /// or form fields. An Idempotency-Key header makes a re-sent submission return the job it already created.
    /// </summary>
    public static async Task<Results<Accepted<JobAccepted>, ProblemHttpResult>> Create(HttpContext http, JobIntake intake, JobQueue queue, DeferredJobs deferred,
        IOptions<JobsOptions> options, ILogger<JobIntake> logger, string? webhookUrl, bool? webhookPerFile, DateOnly? asOf, bool? includeText, bool? store, bool? force, CancellationToken ct)
    {
        if (store == true) Tenancy.Require(http, Scopes.ResumesWrite);
        var query = new JobSettings(webhookUrl, webhookPerFile == true, asOf, includeText == true, store == true, force == true);
        // Backpressure before a single byte of the body is read.
        long depth;
        try { depth = await queue.DepthAsync(ct); }
        catch (Exception e) when (StorageException.IsUnavailable(e) && deferred.Active && !ct.IsCancellationRequested
                                  && string.IsNullOrWhiteSpace(http.Request.Headers[JobIntake.IdempotencyHeader]))
        {
            // Write-behind: the database is unreachable, so the whole submission waits in the outbox (or 503 when it cannot).
            try
            {
                var (deferredId, files) = await intake.DeferAsync(http.Request, query, Tenancy.TenantOf(http), e, ct);
                http.Response.Headers["X-Storage"] = DeferredResumes.Deferred;
                return TypedResults.Accepted($"/api/v1/jobs/{deferredId}",
                    new JobAccepted(deferredId, "queued", files, $"/api/v1/jobs/{deferredId}", $"/api/v1/jobs/{deferredId}/results", DeferredResumes.Deferred));
            }
            catch (JobRejectedException rejected)
            {
                return Problem(rejected.Code, rejected.Detail);
            }
        }
        if (depth >= options.Value.MaxQueueDepth)
        {
            Log.JobRefusedQueueFull(logger, depth, options.Value.MaxQueueDepth);
            http.Response.Headers.RetryAfter = options.Value.QueueFullRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(JobErrors.QueueFull);
        }
        try
        {
            var (id, total, replayed) = await intake.SubmitAsync(http.Request, query, Tenancy.TenantOf(http), ct);
            if (!replayed) Log.JobCreated(logger, id, total);
            return TypedResults.Accepted($"/api/v1/jobs/{id}", new JobAccepted(id, "queued", total, $"/api/v1/jobs/{id}", $"/api/v1/jobs/{id}/results"));
        }
        catch (JobRejectedException e)
        {
            return Problem(e.Code, e.Detail);
        }
    }

    /// <summary>From the database, or "queued" from the outbox while a deferred submission waits there.</summary>
    public static async Task<Results<Ok<JobStatus>, ProblemHttpResult>> Get(Guid id, HttpContext http, JobReads reads, DeferredJobs deferred, CancellationToken ct)
    {
        try
        {
            if (await reads.GetStatusAsync(id, ct) is { } status) return TypedResults.Ok(status);
        }
        catch (Exception e) when (StorageException.IsUnavailable(e) && !ct.IsCancellationRequested)
        {
            if (await deferred.TryGetStatusAsync(Tenancy.TenantOf(http), id, ct) is { } waiting) return TypedResults.Ok(waiting);
            throw;
        }
        if (await deferred.TryGetStatusAsync(Tenancy.TenantOf(http), id, ct) is { } pending) return TypedResults.Ok(pending);
        // Created by the drainer between the two reads (it writes the job before it removes the entry).
        return await reads.GetStatusAsync(id, ct) is { } created ? TypedResults.Ok(created) : Problem(JobErrors.JobNotFound);
    }

    /// <summary>Finished files in upload order: pages of JSON (`after`, `limit`), or every line as JSONL (Accept: application/x-ndjson or ?format=jsonl).</summary>
    public static async Task<Results<Ok<JobResultsPage>, PushStreamHttpResult, ProblemHttpResult>> Results(Guid id, HttpRequest request, JobReads reads,
        string? format, int? after, int? limit, CancellationToken ct)
    {
        var jsonLines = string.Equals(format, "jsonl", StringComparison.OrdinalIgnoreCase)
            || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(JsonLines, StringComparison.OrdinalIgnoreCase));
        if (jsonLines)
        {
            if (!await reads.ExistsAsync(id, ct)) return Problem(JobErrors.JobNotFound);
            return TypedResults.Stream(body => reads.WriteJsonLinesAsync(id, body, ct), JsonLines);
        }
        var page = await reads.GetResultsPageAsync(id, after ?? -1, Math.Clamp(limit ?? 100, 1, 1000), ct);
        return page is null ? Problem(JobErrors.JobNotFound) : TypedResults.Ok(page);
    }

    /// <summary>Cancels: files not yet finished are dropped and their stored bytes deleted; finished results stay readable.</summary>
    public static async Task<Results<Ok<JobStatus>, ProblemHttpResult>> Cancel(Guid id, JobControl control, JobReads reads, ILogger<JobControl> logger, CancellationToken ct)
    {
        if (await control.CancelAsync(id, ct) is not { } dropped) return Problem(JobErrors.JobNotFound);
        Log.JobCancelled(logger, id, dropped);
        return TypedResults.Ok((await reads.GetStatusAsync(id, ct))!);
    }

    /// <summary>Puts the job's dead-lettered files back in the queue with a fresh attempt budget.</summary>
    public static async Task<Results<Ok<RequeueResponse>, ProblemHttpResult>> Requeue(Guid id, JobControl control, ILogger<JobControl> logger, CancellationToken ct)
    {
        if (await control.RequeueAsync(id, ct) is not { } requeued) return Problem(JobErrors.JobNotFound);
        Log.ItemsRequeued(logger, id, requeued);
        return TypedResults.Ok(new RequeueResponse(id, requeued));
    }

    static ProblemHttpResult Problem(string code, string? detail = null) => TypedResults.Problem(Problems.For(code, detail));

    /// <summary>
    /// Every route with a job id: another tenant's job is answered exactly like a missing one (404). A job of the tenant still
    /// waiting in the outbox passes too (its status reads "queued"; the other routes find it once it is in the database).
    /// </summary>
    static async ValueTask<object?> RequireOwnJob(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.RouteValues.TryGetValue("id", out var raw) || !Guid.TryParse(raw?.ToString(), out var id)) return await next(context);
        var tenant = Tenancy.TenantOf(http);
        var deferred = http.RequestServices.GetRequiredService<DeferredJobs>();
        try
        {
            if (await http.RequestServices.GetRequiredService<JobReads>().OwnedByAsync(id, tenant, http.RequestAborted)) return await next(context);
        }
        catch (Exception e) when (StorageException.IsUnavailable(e) && !http.RequestAborted.IsCancellationRequested)
        {
            if (await deferred.TryGetStatusAsync(tenant, id, http.RequestAborted) is not null) return await next(context);
            throw;
        }
        if (!deferred.Active) return Problem(JobErrors.JobNotFound);
        // Pending, or created by the drainer since the first read (it writes the job before it removes the entry).
        return await deferred.TryGetStatusAsync(tenant, id, http.RequestAborted) is not null
               || await http.RequestServices.GetRequiredService<JobReads>().OwnedByAsync(id, tenant, http.RequestAborted)
            ? await next(context) : Problem(JobErrors.JobNotFound);
    }
}
