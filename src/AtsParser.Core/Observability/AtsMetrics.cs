using Prometheus;

namespace AtsParser.Core.Observability;

/// <summary>
/// The service's own metrics (ats_*), as native prometheus-net collectors on the host's CollectorRegistry, which the
/// API serves at /metrics. One instance per service provider (AddAtsMetrics), so two hosts in one process keep
/// separate counts.
///
/// Call it like this (all methods are cheap, thread-safe and never throw):
///   metrics.DocumentProcessed(format, extractor, AtsMetrics.Outcome(errorCodeOrNull), seconds);   // pipeline
///   metrics.ExtractionCompleted(extractor, seconds, ocrPages);                                    // pipeline
///   metrics.LlmRequest(model, LlmOutcome.Success, inputTokens, outputTokens, costUsd);            // LLM parser (cost from OpenAi:Prices)
///   metrics.CompactionRatio(tokensAfter / (double)tokensBefore);                                  // LLM input compaction
///   metrics.CacheRequest(CacheResult.Hit);                                                        // hit | miss | error | bypass
///   metrics.JobsQueueDepth(queued);  metrics.JobFinished(JobOutcome.DeadLettered);                // jobs worker
///   metrics.WebhookDelivery(WebhookOutcome.Delivered);                                            // webhooks
///
/// Label values come from closed sets only: anything outside a set becomes "other" (never a file name, id or URL).
/// Models are labelled by the longest configured name they start with (OPENAI_MODEL or a key of OpenAi:Prices), so
/// "gpt-4o-mini-2024-07-18" counts as "gpt-4o-mini"; any other model is "other". Add local models to OpenAi:Prices at 0.
/// </summary>
public sealed class AtsMetrics
{
    static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
    static readonly double[] RatioBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    // A gauge that has never been set is left out of the scrape instead of reading 0.
    static readonly GaugeConfiguration Unset = new() { SuppressInitialValue = true };

    readonly Counter _documents, _ocrPages, _llmRequests, _llmTokens, _llmCost, _cacheRequests, _jobs, _webhooks;
    readonly Histogram _documentSeconds, _extractionSeconds, _compaction;
    readonly Gauge _toolAvailable, _queueDepth, _charsPerToken, _tokenDrift;
    volatile string[] _models = [];

    public AtsMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        _documents = f.CreateCounter("ats_documents_total", "Documents processed, by detected format, winning extractor and outcome (success, rejected, failed, cancelled).", "extractor", "format", "outcome");
        _documentSeconds = f.CreateHistogram("ats_document_duration_seconds", "Time to process one document end to end, by format.", ["format"], new HistogramConfiguration { Buckets = SecondsBuckets });
        _extractionSeconds = f.CreateHistogram("ats_extraction_duration_seconds", "Text extraction time of successful extractions, by winning extractor.", ["extractor"], new HistogramConfiguration { Buckets = SecondsBuckets });
        _ocrPages = f.CreateCounter("ats_ocr_pages_total", "Pages run through OCR.");
        _toolAvailable = f.CreateGauge("ats_tool_available", "1 when the native tool is installed and enabled, else 0; required=true when the service needs it to be ready.", "required", "tool");

        _llmRequests = f.CreateCounter("ats_llm_requests_total", "LLM requests, by model and outcome.", "model", "outcome");
        _llmTokens = f.CreateCounter("ats_llm_tokens_total", "LLM tokens, by model and kind (input, output).", "kind", "model");
        _llmCost = f.CreateCounter("ats_llm_cost_usd_total", "Estimated LLM spend in US dollars, from the configured price table (OpenAi:Prices).", "model");
        _compaction = f.CreateHistogram("ats_compaction_ratio", "Input tokens after compaction divided by tokens before.", new HistogramConfiguration { Buckets = RatioBuckets });
        _charsPerToken = f.CreateGauge("ats_llm_chars_per_token", "Characters sent per prompt token, observed from the API's usage (calibrates CHARS_PER_TOKEN_ESTIMATE).", Unset);
        _tokenDrift = f.CreateGauge("ats_llm_token_estimate_drift", "Observed characters per token divided by CHARS_PER_TOKEN_ESTIMATE (1 = the estimate is exact).", Unset);

        _cacheRequests = f.CreateCounter("ats_cache_requests_total", "Parse-result cache look-ups, by result (hit, miss, error, bypass).", "result");
        _queueDepth = f.CreateGauge("ats_jobs_queue_depth", "Job items waiting to be processed.", Unset);
        _jobs = f.CreateCounter("ats_jobs_total", "Job items finished, by outcome (succeeded, failed, dead_lettered, cancelled, retried).", "outcome");
        _webhooks = f.CreateCounter("ats_webhook_deliveries_total", "Webhook delivery attempts, by outcome (delivered, failed, retried).", "outcome");
    }

    /// <summary>The model names that may appear as labels (done once at start-up from the OpenAI options).</summary>
    public void UseModels(IEnumerable<string> models) =>
        _models = models.Where(m => !string.IsNullOrWhiteSpace(m) && m.Length <= 64).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(m => m.Length).ToArray();

    public void DocumentProcessed(string format, string extractor, string outcome, double seconds)
    {
        var f = Label(format, 16);
        _documents.WithLabels(Label(extractor, 32), f, OneOf(outcome, DocumentOutcome.All)).Inc();
        _documentSeconds.WithLabels(f).Observe(seconds);
    }

    public void ExtractionCompleted(string extractor, double seconds, int ocrPages)
    {
        _extractionSeconds.WithLabels(Label(extractor, 32)).Observe(seconds);
        if (ocrPages > 0) _ocrPages.Inc(ocrPages);
    }

    /// <summary>Maps an error code (null for success) to the document outcome: a rejected document is the client's problem, a failed one is ours.</summary>
    public static string Outcome(string? errorCode) => DocumentOutcome.Of(errorCode);

    public void ToolAvailable(string tool, bool available, bool required) =>
        _toolAvailable.WithLabels(required ? "true" : "false", Label(tool, 24)).Set(available ? 1 : 0);

    public void LlmRequest(string model, string outcome, long inputTokens, long outputTokens, double costUsd)
    {
        var m = ModelLabel(model);
        _llmRequests.WithLabels(m, OneOf(outcome, LlmOutcome.All)).Inc();
        if (inputTokens > 0) _llmTokens.WithLabels("input", m).Inc(inputTokens);
        if (outputTokens > 0) _llmTokens.WithLabels("output", m).Inc(outputTokens);
        if (costUsd > 0 && double.IsFinite(costUsd)) _llmCost.WithLabels(m).Inc(costUsd);
    }

    /// <summary>The running characters-per-token ratio observed from the API's usage, and its drift from the estimate.</summary>
    public void LlmCalibration(double charsPerToken, double drift)
    {
        if (double.IsFinite(charsPerToken)) _charsPerToken.Set(charsPerToken);
        if (double.IsFinite(drift)) _tokenDrift.Set(drift);
    }

    internal string ModelLabel(string? model) =>
        model is null ? "other" : _models.FirstOrDefault(k => model.StartsWith(k, StringComparison.OrdinalIgnoreCase)) ?? "other";

    public void CompactionRatio(double ratio)
    {
        if (double.IsFinite(ratio) && ratio >= 0) _compaction.Observe(ratio);
    }

    public void CacheRequest(string result) => _cacheRequests.WithLabels(OneOf(result, CacheResult.All)).Inc();

    public void JobsQueueDepth(long depth) => _queueDepth.Set(Math.Max(0, depth));

    public void JobFinished(string outcome) => _jobs.WithLabels(OneOf(outcome, JobOutcome.All)).Inc();

    public void WebhookDelivery(string outcome) => _webhooks.WithLabels(OneOf(outcome, WebhookOutcome.All)).Inc();

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
