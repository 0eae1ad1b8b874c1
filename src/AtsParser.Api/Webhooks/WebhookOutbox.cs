using Dapper;
using Npgsql;

namespace AtsParser.Api.Webhooks;

public static class WebhookEvents
{
    public const string JobCompleted = "job.completed";
    public const string JobCancelled = "job.cancelled";
    public const string ItemFinished = "job.item.finished";
}

/// <summary>
/// Queues webhook deliveries inside the caller's transaction (the transactional outbox), so an event exists
/// exactly when the state change it announces was committed. Payloads are built in SQL from the committed rows;
/// they carry ids, states and counts, never parsed resume content (receivers fetch results with their key).
/// </summary>
public static class WebhookOutbox
{
    const string Counts = """
        json_build_object(
            'total', count(*),
            'queued', count(*) FILTER (WHERE status = 'queued'),
            'running', count(*) FILTER (WHERE status = 'running'),
            'succeeded', count(*) FILTER (WHERE status = 'succeeded'),
            'failed', count(*) FILTER (WHERE status = 'failed'),
            'deadLettered', count(*) FILTER (WHERE status = 'dead_lettered'),
            'cancelled', count(*) FILTER (WHERE status = 'cancelled'))
        """;

    const string JobEvent = $"""
        INSERT INTO webhook_deliveries (job_id, event, url, payload)
        SELECT j.id, @evt, j.webhook_url, json_build_object(
                   'event', @evt, 'jobId', j.id, 'status', j.status,
                   'createdAt', j.created_at, 'completedAt', j.completed_at,
                   'counts', (SELECT {Counts} FROM job_items WHERE job_id = j.id),
                   'resultsUrl', '/api/v1/jobs/' || j.id || '/results')::text
          FROM jobs j
         WHERE j.id = @jobId AND j.webhook_url IS NOT NULL
        """;

    const string ItemEvents = """
        INSERT INTO webhook_deliveries (job_id, item_id, event, url, payload)
        SELECT j.id, i.id, @evt, j.webhook_url, json_build_object(
                   'event', @evt, 'jobId', j.id, 'index', i.seq, 'fileName', i.file_name, 'sha256', i.sha256,
                   'status', i.status, 'errorCode', i.error_code, 'attempts', i.attempts, 'finishedAt', i.finished_at,
                   'resultsUrl', '/api/v1/jobs/' || j.id || '/results')::text
          FROM job_items i JOIN jobs j ON j.id = i.job_id
         WHERE j.id = @jobId AND i.id = ANY(@itemIds) AND j.webhook_url IS NOT NULL
        """;

    public static Task EnqueueJobEventAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid jobId, string evt, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition(JobEvent, new { evt, jobId }, tx, cancellationToken: ct));

    public static Task EnqueueItemEventsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid jobId, long[] itemIds, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition(ItemEvents, new { evt = WebhookEvents.ItemFinished, jobId, itemIds }, tx, cancellationToken: ct));
}
