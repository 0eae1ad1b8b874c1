using System.Diagnostics;
using System.Diagnostics.Metrics;
using AtsParser.Core.Observability;

namespace AtsParser.Api.Observability;

/// <summary>
/// HTTP metrics under prometheus-net.AspNetCore's names and labels, so existing dashboards work:
/// http_requests_received_total and http_request_duration_seconds {code, method, controller, action, endpoint},
/// and http_requests_in_progress {method, controller, action, endpoint}. Minimal APIs have no controller or action,
/// so those are empty, as prometheus-net exports them; endpoint is the route pattern (a closed set), never the path.
/// </summary>
public sealed class HttpMetricsMiddleware(RequestDelegate next)
{
    static readonly Counter<long> Received = AtsMetrics.SharedMeter.CreateCounter<long>("http_requests_received_total", description: "Provides the count of HTTP requests that have been processed by the ASP.NET Core pipeline.");
    static readonly Histogram<double> Duration = AtsMetrics.SharedMeter.CreateHistogram<double>("http_request_duration_seconds", "s",
        "The duration of HTTP requests processed by an ASP.NET Core application.",
        advice: new() { HistogramBucketBoundaries = [0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384, 32.768] });
    static readonly UpDownCounter<long> InProgress = AtsMetrics.SharedMeter.CreateUpDownCounter<long>("http_requests_in_progress", description: "The number of requests currently in progress in the ASP.NET Core pipeline.");
    static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public async Task InvokeAsync(HttpContext context)
    {
        // Scrapes are not counted, as in prometheus-net, so Prometheus's own polling does not skew request rates.
        if (context.Request.Path.StartsWithSegments("/metrics")) { await next(context); return; }
        var method = Methods.Contains(context.Request.Method) ? context.Request.Method : "OTHER";
        var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        TagList progressTags = new() { { "method", method }, { "controller", "" }, { "action", "" }, { "endpoint", endpoint } };
        InProgress.Add(1, progressTags);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            InProgress.Add(-1, progressTags);
            // An exception still on its way to the exception handler becomes a 500 there.
            var code = failed && !context.Response.HasStarted ? 500 : context.Response.StatusCode;
            TagList tags = progressTags;
            tags.Add("code", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Received.Add(1, tags);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
