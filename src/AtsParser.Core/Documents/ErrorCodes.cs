namespace AtsParser.Core.Documents;

/// <summary>
/// Every stable error code the service answers with, its HTTP status, a title and what the user should do: one
/// catalogue for documents, HTTP framing, storage, jobs, corrections and security. Feature classes name their codes
/// with constants that point here; the API's one ProblemDetails factory reads this table.
/// </summary>
public static class ErrorCodes
{
    // Documents and extraction
    public const string EmptyFile = "empty_file";
    public const string FileTooLarge = "file_too_large";
    public const string UnsupportedFormat = "unsupported_format";
    public const string EncryptedDocument = "encrypted_document";
    public const string CorruptDocument = "corrupt_document";
    public const string TooManyPages = "too_many_pages";
    public const string ExtractionFailed = "extraction_failed";
    public const string ExtractionTimeout = "extraction_timeout";
    public const string ParseTimeout = "parse_timeout";
    public const string ServerBusy = "server_busy";
    public const string TooManyFiles = "too_many_files";
    public const string MissingFile = "missing_file";
    public const string NoText = "no_text";
    public const string BadRequest = "bad_request";

    // HTTP level (routing, binding, framing, size)
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RequestTooLarge = "request_too_large";
    public const string InvalidParameter = "invalid_parameter";
    public const string InvalidJson = "invalid_json";
    public const string MalformedMultipart = "malformed_multipart";
    public const string ValidationFailed = "validation_failed";
    public const string RequestTimeout = "request_timeout";
    public const string UiFileNotFound = "ui_file_not_found";

    // Security
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate_limited";

    // Storage
    public const string ResumeNotFound = "resume_not_found";
    public const string StorageDisabled = "storage_disabled";
    public const string StorageUnavailable = "storage_unavailable";

    // Jobs (whole submissions, and the failure of one item)
    public const string QueueFull = "queue_full";
    public const string JobNotFound = "job_not_found";
    public const string InvalidWebhookUrl = "invalid_webhook_url";
    public const string WebhooksDisabled = "webhooks_disabled";
    public const string BytesMissing = "bytes_missing";
    public const string JobTooLarge = "job_too_large";
    public const string StepTimeout = "timeout";
    public const string UpstreamError = "upstream_error";
    public const string DatabaseError = "database_error";
    public const string LeaseExpired = "lease_expired";
    public const string Internal = "internal_error";

    // Corrections
    public const string InvalidPatch = "invalid_patch";
    public const string PatchPathNotFound = "patch_path_not_found";
    public const string PatchTestFailed = "patch_test_failed";
    public const string PatchPathForbidden = "patch_path_forbidden";
    public const string InvalidCorrection = "invalid_correction";
    public const string InvalidExportFormat = "invalid_export_format";

    public sealed record Info(int Status, string Title, string Detail);

    public static readonly IReadOnlyDictionary<string, Info> All = new Dictionary<string, Info>
    {
        [EmptyFile] = new(400, "The file is empty", "The uploaded file has zero bytes. Check that the upload sends the file's contents."),
        [MissingFile] = new(400, "No file uploaded", "Send the document as multipart/form-data in the field named 'file' (or 'files' for bulk)."),
        [BadRequest] = new(400, "Bad request", "The request could not be read. Send multipart/form-data with the documents."),
        [FileTooLarge] = new(413, "The file is too large", "The file exceeds the configured size limit (MAX_FILE_SIZE). Compress images, remove embedded media, or raise the limit."),
        [TooManyPages] = new(413, "The document has too many pages", "The document exceeds the page limit (MAX_PAGES). Send only the resume pages, or raise the limit."),
        [TooManyFiles] = new(413, "Too many files in one request", "The request has more files than BULK_MAX_FILES allows. Split it into smaller requests, or use the jobs API for large batches."),
        [UnsupportedFormat] = new(415, "Unsupported document format", "Send a PDF, DOCX, DOC, RTF, ODT, TXT, HTML or image (PNG, JPEG, TIFF, BMP, GIF, WebP) file. The format is detected from the file's bytes, not its name."),
        [EncryptedDocument] = new(422, "The document is password-protected", "Remove the password (save an unprotected copy) and upload it again."),
        [CorruptDocument] = new(422, "The document is damaged", "The file could not be read as a valid document. Re-export or re-save it from the original application and upload it again."),
        [ExtractionFailed] = new(422, "No text could be extracted", "None of the extractors produced usable text. If this is a scan, make sure OCR is enabled (DOC_ENABLE_OCR) and the image is legible."),
        [NoText] = new(422, "The document contains no text", "The document has no readable text. If it is a scan or a photo, upload a clearer image."),
        [ExtractionTimeout] = new(504, "Extraction timed out", "Text extraction took longer than the configured tool timeouts or the per-document budget (EXTRACTION_BUDGET_SECONDS). Retry later, or send a smaller or simpler document."),
        [ParseTimeout] = new(504, "Parsing timed out", "A pattern of the resume parser ran past its time limit, which happens when the server is overloaded or the text is pathological. Retry later; if it persists for this file, report the request's traceId."),
        [ServerBusy] = new(503, "The server is busy", "Every parse slot was taken for longer than PARSE_QUEUE_TIMEOUT_SECONDS. Retry after the number of seconds in Retry-After, or use the jobs API for large batches."),

        [NotFound] = new(404, "Not found", "No resource has this address. Check the path and the id (ids are UUIDs such as 0190f1b2-7c3e-7a4b-9f00-2a1b3c4d5e6f); see /openapi/v1.json for the routes."),
        [MethodNotAllowed] = new(405, "Method not allowed", "This path does not accept this HTTP method; see /openapi/v1.json for the methods it does accept."),
        [UnsupportedMediaType] = new(415, "Unsupported request content type", "Send the body with the content type this endpoint reads: multipart/form-data for uploads, application/json for search, application/json-patch+json for corrections."),
        [RequestTooLarge] = new(413, "The request body is too large", "The body exceeds this endpoint's size limit. Send a shorter request."),
        [InvalidParameter] = new(400, "A parameter is not valid", "Fix the named parameter and send the request again; see /openapi/v1.json for the accepted values."),
        [InvalidJson] = new(400, "The JSON body could not be read", "Send a well-formed JSON object matching the documented request schema (see /openapi/v1.json)."),
        [MalformedMultipart] = new(400, "The multipart body is malformed", "The multipart/form-data body was truncated or badly framed (or a part's headers exceed 16 KB). Send the whole body with the boundary given in Content-Type."),
        [ValidationFailed] = new(400, "The request is not valid", "Fix the fields listed in `errors` and send the request again."),
        [UiFileNotFound] = new(404, "Not found", "Open the review page at /ui/."),
        [RequestTimeout] = new(408, "The request body arrived too slowly", "Send the body at a steady rate; the server stops waiting for a stalled upload."),

        [Unauthorized] = new(401, "Authentication required", "Send an API key in the X-API-Key header (or, where JWT is enabled, a bearer token in the Authorization header)."),
        [Forbidden] = new(403, "Not allowed for this credential", "The API key or token does not carry the scope this request needs. Use a credential with that scope (API_KEYS scopes=..., or the token's `scope` claim)."),
        [RateLimited] = new(429, "Too many requests", "Slow down and retry after the number of seconds in Retry-After; use the jobs API for large batches."),

        [ResumeNotFound] = new(404, "Resume not found", "No stored resume has this id. It may have been deleted (DELETE or the RETENTION_DAYS purge)."),
        [StorageDisabled] = new(503, "Storage is not enabled", "Set DATABASE_URL to a PostgreSQL database with pgvector (postgres://user:pass@host:5432/db), then run `dotnet run --project src/AtsParser.Api -- migrate` or start with MIGRATE_ON_STARTUP=true. Parsing without ?store=true works without it."),
        [StorageUnavailable] = new(503, "Storage is unavailable", "The database could not be reached. Retry later; parsing without ?store=true still works."),

        [QueueFull] = new(503, "The job queue is full", "More files are waiting than JOBS_MAX_QUEUE_DEPTH allows. Retry after the number of seconds in Retry-After."),
        [JobNotFound] = new(404, "No such job", "Check the job id returned by POST /api/v1/jobs."),
        [InvalidWebhookUrl] = new(400, "The webhook URL is not valid", "Give an absolute http or https URL in webhookUrl."),
        [WebhooksDisabled] = new(400, "Webhooks are not configured", "The server has no WEBHOOK_SECRET to sign deliveries with. Set it on the server, or submit the job without webhookUrl and poll GET /api/v1/jobs/{id}."),
        [BytesMissing] = new(422, "The stored upload is gone", "The file's stored bytes were deleted (the job was cancelled). Submit the file again."),
        [JobTooLarge] = new(413, "The job is too large", "The files (or the zip's inflated entries) exceed JOBS_MAX_JOB_BYTES or JOBS_MAX_FILES. Split the batch into several jobs."),
        [StepTimeout] = new(504, "A processing step timed out", "The item was retried on RETRY_DELAYS; requeue it once the cause is fixed."),
        [UpstreamError] = new(502, "A dependency failed", "The model endpoint or another dependency failed; requeue the item once it is healthy."),
        [DatabaseError] = new(503, "The database was unavailable", "Requeue the item once the database is healthy."),
        [LeaseExpired] = new(500, "The worker processing the file stopped", "A replica crashed or hung while processing the file on its last attempt. Check the logs for that file's hash before requeueing."),
        [Internal] = new(500, "Internal error", "An unexpected error occurred. Retry; if it persists, report the request's traceId (or, for a job item, check the logs for the file's hash before requeueing)."),

        [InvalidPatch] = new(400, "Malformed JSON Patch", "Send a non-empty JSON Patch array (RFC 6902) such as [{\"op\":\"replace\",\"path\":\"/resume/candidate/name/raw\",\"value\":\"Jane Doe\"}]."),
        [PatchPathForbidden] = new(400, "This part of the resume cannot be corrected", "Only the structured resume (/resume/...) can be corrected, and not /resume/meta."),
        [InvalidExportFormat] = new(400, "Unknown export format", "Use format=json, jsonl or zip."),
        [PatchPathNotFound] = new(422, "Patch path not found", "Every path must exist in GET /api/v1/resumes/{id} (append to arrays with /-)."),
        [InvalidCorrection] = new(422, "The corrected resume does not fit schema v1", "Fix the values so the corrected resume matches GET /api/v1/schema."),
        [PatchTestFailed] = new(409, "Patch test failed", "The resume changed since you read it: read it again and re-apply the correction."),
    };

    /// <summary>The catalogue entry; an unknown code answers 422 with the code as its title (ErrorCatalogueTests keeps every named code in the table).</summary>
    public static Info Describe(string code) => All.TryGetValue(code, out var i) ? i : new(422, code, code);
}
