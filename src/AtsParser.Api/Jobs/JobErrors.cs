using AtsParser.Core.Documents;
using Microsoft.AspNetCore.Mvc;

namespace AtsParser.Api.Jobs;

/// <summary>The jobs API's own stable error codes; document-level codes come from ErrorCodes.</summary>
public static class JobErrors
{
    public const string QueueFull = "queue_full";
    public const string JobNotFound = "job_not_found";
    public const string InvalidWebhookUrl = "invalid_webhook_url";
    public const string WebhooksDisabled = "webhooks_disabled";
    public const string BytesMissing = "bytes_missing";
    public const string JobTooLarge = "job_too_large";

    static readonly Dictionary<string, ErrorCodes.Info> All = new()
    {
        [QueueFull] = new(503, "The job queue is full", "More files are waiting than JOBS_MAX_QUEUE_DEPTH allows. Retry after the number of seconds in Retry-After."),
        [JobNotFound] = new(404, "No such job", "Check the job id returned by POST /api/v1/jobs."),
        [InvalidWebhookUrl] = new(400, "The webhook URL is not valid", "Give an absolute http or https URL in webhookUrl."),
        [WebhooksDisabled] = new(400, "Webhooks are not configured", "The server has no WEBHOOK_SECRET to sign deliveries with. Set it on the server, or submit the job without webhookUrl and poll GET /api/v1/jobs/{id}."),
        [BytesMissing] = new(422, "The stored upload is gone", "The file's stored bytes were deleted (the job was cancelled). Submit the file again."),
        [FailureClassifier.Timeout] = new(504, "A processing step timed out", "The item was retried on RETRY_DELAYS; requeue it once the cause is fixed."),
        [FailureClassifier.RateLimited] = new(429, "The model endpoint rate-limited the request", "The item was retried on RETRY_DELAYS; requeue it later or lower the LLM concurrency."),
        [FailureClassifier.UpstreamError] = new(502, "A dependency failed", "The model endpoint or another dependency failed; requeue the item once it is healthy."),
        [FailureClassifier.DatabaseError] = new(503, "The database was unavailable", "Requeue the item once the database is healthy."),
        [FailureClassifier.LeaseExpired] = new(500, "The worker processing the file stopped", "A replica crashed or hung while processing the file on its last attempt. Check the logs for that file's hash before requeueing."),
        [FailureClassifier.Internal] = new(500, "Internal error", "An unexpected error occurred while processing the file; requeue it after checking the logs."),
        [JobTooLarge] = new(413, "The job is too large", "The files (or the zip's inflated entries) exceed JOBS_MAX_JOB_BYTES or JOBS_MAX_FILES. Split the batch into several jobs."),
    };

    public static ProblemDetails Problem(string code, string? detail = null)
    {
        var info = All.TryGetValue(code, out var i) ? i : ErrorCodes.Describe(code);
        var p = new ProblemDetails
        {
            Status = info.Status,
            Title = info.Title,
            Detail = detail is null ? info.Detail : detail.TrimEnd('.') + ". " + info.Detail,
            Type = $"https://atsparser.dev/errors/{code}",
        };
        p.Extensions["code"] = code;
        return p;
    }
}

/// <summary>Refusal of a whole job submission; the endpoint turns it into ProblemDetails.</summary>
public sealed class JobRejectedException(string code, string? detail = null) : Exception(detail ?? code)
{
    public string Code { get; } = code;
    public string? Detail { get; } = detail;
}
