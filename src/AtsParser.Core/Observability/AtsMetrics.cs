using System.Diagnostics.Metrics;

namespace AtsParser.Core.Observability;

/// <summary>
/// The service's metrics, as one static API that any feature calls. Everything lands on the Meter "AtsParser" and is
/// served at /metrics in the Prometheus text format (see <see cref="MetricsCollector"/>).
///
/// Call it like this (all methods are cheap, thread-safe and never throw):
///   AtsMetrics.DocumentProcessed(format, extractor, AtsMetrics.Outcome(errorCodeOrNull), seconds);   // pipeline
///   AtsMetrics.ExtractionCompleted(extractor, seconds, ocrPages);                                    // pipeline
///   AtsMetrics.LlmRequest(model, LlmOutcome.Success, inputTokens, outputTokens, costUsd);            // LLM parser (cost from OpenAi:Prices)
///   AtsMetrics.CompactionRatio(tokensAfter / (double)tokensBefore);                                  // LLM input compaction
///   AtsMetrics.CacheRequest(CacheResult.Hit);                                                        // hit | miss | error | bypass
///   AtsMetrics.JobsQueueDepth(queued);  AtsMetrics.JobFinished(JobOutcome.DeadLettered);             // jobs worker
///   AtsMetrics.WebhookDelivery(WebhookOutcome.Delivered);                                            // webhooks
///
/// Label values come from closed sets only: anything outside a set becomes "other" (never a file name, id or URL).
/// Models are labelled by the longest configured name they start with (OPENAI_MODEL or a key of OpenAi:Prices), so
/// "gpt-4o-mini-2024-07-18" counts as "gpt-4o-mini"; any other model is "other". Add local models to OpenAi:Prices at 0.
/// </summary>
public static class AtsMetrics
{
    public const string MeterName = "AtsParser";

    static readonly Meter Meter = new(MeterName);

    static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
    static readonly double[] RatioBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

    static readonly Counter<long> Documents = Meter.CreateCounter<long>("ats_documents_total", description: "Documents processed, by detected format, winning extractor and outcome (success, rejected, failed, cancelled).");
    static readonly Histogram<double> DocumentSeconds = Meter.CreateHistogram<double>("ats_document_duration_seconds", "s", "Time to process one document end to end, by format.", advice: new() { HistogramBucketBoundaries = SecondsBuckets });
    static readonly Histogram<double> ExtractionSeconds = Meter.CreateHistogram<double>("ats_extraction_duration_seconds", "s", "Text extraction time of successful extractions, by winning extractor.", advice: new() { HistogramBucketBoundaries = SecondsBuckets });
    static readonly Counter<long> OcrPagesCounter = Meter.CreateCounter<long>("ats_ocr_pages_total", description: "Pages run through OCR.");
    static readonly Gauge<int> ToolAvailableGauge = Meter.CreateGauge<int>("ats_tool_available", description: "1 when the native tool is installed and enabled, else 0; required=true when the service needs it to be ready.");

    static readonly Counter<long> LlmRequests = Meter.CreateCounter<long>("ats_llm_requests_total", description: "LLM requests, by model and outcome.");
    static readonly Counter<long> LlmTokens = Meter.CreateCounter<long>("ats_llm_tokens_total", description: "LLM tokens, by model and kind (input, output).");
    static readonly Counter<double> LlmCost = Meter.CreateCounter<double>("ats_llm_cost_usd_total", description: "Estimated LLM spend in US dollars, from the configured price table (OpenAi:Prices).");
    static readonly Histogram<double> Compaction = Meter.CreateHistogram<double>("ats_compaction_ratio", null, "Input tokens after compaction divided by tokens before.", advice: new() { HistogramBucketBoundaries = RatioBuckets });

    static readonly Counter<long> CacheRequests = Meter.CreateCounter<long>("ats_cache_requests_total", description: "Parse-result cache look-ups, by result (hit, miss, error, bypass).");
    static readonly Gauge<long> QueueDepth = Meter.CreateGauge<long>("ats_jobs_queue_depth", description: "Job items waiting to be processed.");
    static readonly Counter<long> Jobs = Meter.CreateCounter<long>("ats_jobs_total", description: "Job items finished, by outcome (succeeded, failed, dead_lettered, cancelled, retried).");
    static readonly Counter<long> Webhooks = Meter.CreateCounter<long>("ats_webhook_deliveries_total", description: "Webhook delivery attempts, by outcome (delivered, failed, retried).");

    static volatile string[] _models = [];

    static AtsMetrics()
    {
        MetricsCollector.EnsureStarted();
        OcrPagesCounter.Add(0); // an unlabelled counter exists from the first scrape, so rate() has a baseline
    }

    internal static Meter SharedMeter => Meter;

    /// <summary>The model names that may appear as labels (done once at start-up from the OpenAI options).</summary>
    public static void UseModels(IEnumerable<string> models) =>
        _models = models.Where(m => !string.IsNullOrWhiteSpace(m) && m.Length <= 64).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(m => m.Length).ToArray();

    public static void DocumentProcessed(string format, string extractor, string outcome, double seconds)
    {
        var f = Label(format, 16);
        Documents.Add(1, new("format", f), new("extractor", Label(extractor, 32)), new("outcome", OneOf(outcome, DocumentOutcome.All)));
        DocumentSeconds.Record(seconds, new KeyValuePair<string, object?>("format", f));
    }

    public static void ExtractionCompleted(string extractor, double seconds, int ocrPages)
    {
        ExtractionSeconds.Record(seconds, new KeyValuePair<string, object?>("extractor", Label(extractor, 32)));
        if (ocrPages > 0) OcrPagesCounter.Add(ocrPages);
    }

    /// <summary>Maps an error code (null for success) to the document outcome: a rejected document is the client's problem, a failed one is ours.</summary>
    public static string Outcome(string? errorCode) => DocumentOutcome.Of(errorCode);

    public static void ToolAvailable(string tool, bool available, bool required) =>
        ToolAvailableGauge.Record(available ? 1 : 0, new("tool", Label(tool, 24)), new("required", required ? "true" : "false"));

    public static void LlmRequest(string model, string outcome, long inputTokens, long outputTokens, double costUsd)
    {
        var m = ModelLabel(model);
        LlmRequests.Add(1, new("model", m), new("outcome", OneOf(outcome, LlmOutcome.All)));
        if (inputTokens > 0) LlmTokens.Add(inputTokens, new("model", m), new("kind", "input"));
        if (outputTokens > 0) LlmTokens.Add(outputTokens, new("model", m), new("kind", "output"));
        if (costUsd > 0 && double.IsFinite(costUsd)) LlmCost.Add(costUsd, new KeyValuePair<string, object?>("model", m));
    }

    internal static string ModelLabel(string? model) =>
        model is null ? "other" : _models.FirstOrDefault(k => model.StartsWith(k, StringComparison.OrdinalIgnoreCase)) ?? "other";

    public static void CompactionRatio(double ratio)
    {
        if (double.IsFinite(ratio) && ratio >= 0) Compaction.Record(ratio);
    }

    public static void CacheRequest(string result) => CacheRequests.Add(1, new KeyValuePair<string, object?>("result", OneOf(result, CacheResult.All)));

    public static void JobsQueueDepth(long depth) => QueueDepth.Record(Math.Max(0, depth));

    public static void JobFinished(string outcome) => Jobs.Add(1, new KeyValuePair<string, object?>("outcome", OneOf(outcome, JobOutcome.All)));

    public static void WebhookDelivery(string outcome) => Webhooks.Add(1, new KeyValuePair<string, object?>("outcome", OneOf(outcome, WebhookOutcome.All)));

    static string OneOf(string value, HashSet<string> allowed) => allowed.Contains(value) ? value : "other";

    /// <summary>Names that come from our own code (formats, extractor and tool names): short, lowercase, safe characters.</summary>
    internal static string Label(string? value, int max)
    {
        if (string.IsNullOrEmpty(value) || value.Length > max) return "other";
        foreach (var c in value)
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '+' or '.')) return "other";
        return value;
    }
}
