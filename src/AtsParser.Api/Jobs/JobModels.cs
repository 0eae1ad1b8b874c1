using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace AtsParser.Api.Jobs;

/// <summary>`storage`: "deferred" when the database was unreachable and the job waits in the outbox until it answers (then it runs as usual).</summary>
public sealed record JobAccepted(Guid Id, string Status, int Total, string StatusUrl, string ResultsUrl, string? Storage = null);

public sealed record JobCounts(int Queued, int Running, int Succeeded, int Failed, int DeadLettered, int Cancelled);

public sealed record JobFile(int Index, string FileName, string? Sha256, long Bytes, string Status, int Attempts, string? ErrorCode, string? Error, DateTimeOffset? FinishedAt);

/// <summary>GET /api/v1/jobs/{id}. Status: queued, running, completed or cancelled.</summary>
public sealed record JobStatus(Guid Id, string Status, int Total, JobCounts Counts, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<JobFile> Files);

/// <summary>One file's outcome: the /api/v1/parse response for a success, ProblemDetails for a failure.</summary>
public sealed record JobResult(int Index, string FileName, string? Sha256, string Status, JsonElement? Result, ProblemDetails? Error);

/// <summary>A page of finished files in upload order; pass `next` as `after` for the following page.</summary>
public sealed record JobResultsPage(Guid JobId, IReadOnlyList<JobResult> Items, int? Next);

public sealed record RequeueResponse(Guid JobId, int Requeued);
