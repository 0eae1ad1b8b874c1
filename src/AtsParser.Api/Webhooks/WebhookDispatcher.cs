using System.Diagnostics;
using System.Text;
using AtsParser.Api.Storage;
using AtsParser.Core.Observability;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AtsParser.Api.Webhooks;

/// <summary>
/// Sends queued webhook deliveries, apart from the job worker so a slow receiver never holds up parsing.
/// Each attempt is signed afresh (a current timestamp), recorded in webhook_attempts, and retried on
/// WEBHOOK_RETRY_DELAYS until it gets a 2xx. Any replica may send; SKIP LOCKED keeps one delivery on one sender.
/// </summary>
public sealed class WebhookDispatcher(NpgsqlDataSource source, IOptions<StorageOptions> storage, IHttpClientFactory http,
    IOptions<WebhookOptions> options, AtsMetrics metrics, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    sealed record Delivery(long Id, string Event, string Url, string Payload, int Attempt);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Deliveries live in the storage database and are queued by the jobs worker; without either there is nothing to send.
        if (!storage.Value.Enabled || !options.Value.DispatcherEnabled) return;
        await Task.Yield();
        var o = options.Value;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var due = await ClaimAsync(o, stop);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency, CancellationToken = stop },
                    async (d, ct) => await SendAsync(d, o, ct));
                if (due.Count == 0) await Task.Delay(o.PollIntervalMs, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                Log.WebhookDispatcherFailed(logger, e);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stop); } catch (OperationCanceledException) { }
            }
        }
    }

    async Task<List<Delivery>> ClaimAsync(WebhookOptions o, CancellationToken ct)
    {
        await using var conn = await source.OpenConnectionAsync(ct);
        var due = await conn.QueryAsync<Delivery>(new CommandDefinition("""
            WITH due AS (
                SELECT id FROM webhook_deliveries
                 WHERE status = 'pending' AND next_attempt_at <= now()
                 ORDER BY next_attempt_at, id LIMIT @n FOR UPDATE SKIP LOCKED)
            UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + @hide
              FROM due WHERE d.id = due.id
            RETURNING d.id, d.event, d.url, d.payload, d.attempts AS "Attempt"
            """, new { n = o.Concurrency * 4, hide = PgParam.Interval(TimeSpan.FromSeconds(o.TimeoutSeconds * 3)) }, cancellationToken: ct));
        return due.AsList();
    }

    async Task SendAsync(Delivery d, WebhookOptions o, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        var permanent = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new StringContent(d.Payload, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(o.Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), d.Payload));
            request.Headers.Add("X-AtsParser-Event", d.Event);
            request.Headers.Add("X-AtsParser-Delivery", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.UserAgent.ParseAdd("AtsParser-Webhooks/1");
            using var response = await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; } // shutting down: the hide time re-sends it
        catch (Exception e)
        {
            error = e is OperationCanceledException ? "timeout" : e.Message;
            permanent = e.InnerException is WebhookBlockedException || e is WebhookBlockedException;
        }
        await RecordAsync(d, status, error, permanent, (int)sw.ElapsedMilliseconds, o, ct);
    }

    async Task RecordAsync(Delivery d, int? status, string? error, bool permanent, int ms, WebhookOptions o, CancellationToken ct)
    {
        var final = error is null ? "delivered" : permanent || d.Attempt >= o.MaxAttempts ? "failed" : "pending";
        // Both statements go in one round trip and one implicit transaction, as the NpgsqlBatch they replace did.
        await using var conn = await source.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES (@id, @attempt, @status, @error, @ms);
            UPDATE webhook_deliveries SET status = @final, next_attempt_at = now() + @delay,
                   delivered_at = CASE WHEN @final = 'delivered' THEN now() END
             WHERE id = @id
            """, new { id = d.Id, attempt = d.Attempt, status, error, ms, final, delay = PgParam.Interval(o.DelayAfter(d.Attempt)) }, cancellationToken: ct));
        metrics.WebhookDelivery(final switch
        {
            "delivered" => WebhookOutcome.Delivered,
            "failed" => WebhookOutcome.Failed,
            _ => WebhookOutcome.Retried,
        });
        if (final == "delivered") Log.WebhookDelivered(logger, d.Id, d.Event, status ?? 0, d.Attempt, ms);
        else if (final == "failed") Log.WebhookGaveUp(logger, d.Id, d.Event, d.Attempt, error ?? "");
        else Log.WebhookAttemptFailed(logger, d.Id, d.Event, d.Attempt, error ?? "", o.DelayAfter(d.Attempt).TotalSeconds);
    }
}
