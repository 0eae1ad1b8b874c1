using System.Globalization;
using System.Text.RegularExpressions;

namespace AtsParser.Api.Infrastructure;

/// <summary>
/// Maps the well-known environment names (MAX_FILE_SIZE, DOC_ENABLE_OCR, ...) onto configuration keys,
/// so both `Extraction__MaxFileSizeBytes` and `MAX_FILE_SIZE` work. One table; features add their rows.
/// </summary>
public static partial class WellKnownEnvironment
{
    static readonly (string Env, string Key, Func<string, string>? Convert)[] Map =
    [
        ("MAX_FILE_SIZE", "Extraction:MaxFileSizeBytes", ParseSize),
        ("MAX_PAGES", "Extraction:MaxPages", null),
        ("SHUTDOWN_TIMEOUT_SECONDS", GracefulStop.Key, null),
        ("MAX_OCR_PAGES", "Extraction:MaxOcrPages", null),
        ("MAX_EXTRACTED_CHARS", "Extraction:MaxExtractedChars", null),
        ("MIN_TEXT_LENGTH_FOR_OCR", "Extraction:MinTextLengthForOcr", null),
        ("BULK_MAX_FILES", "Extraction:BulkMaxFiles", null),
        ("PARSE_CONCURRENCY", "ParseLimits:Concurrency", null),
        ("PARSE_QUEUE_TIMEOUT_SECONDS", "ParseLimits:QueueTimeoutSeconds", null),
        ("PARSE_MAX_IN_FLIGHT", "ParseLimits:MaxInFlight", null),
        ("DOC_ENABLE_ANTIWORD", "Extraction:EnableAntiword", null),
        ("DOC_ENABLE_WORD_READER", "Extraction:EnableWordReader", null),
        ("PDF_ENABLE_WORKER", "Extraction:EnablePdfWorker", null),
        ("PDF_WORKERS", "Extraction:PdfWorkers", null),
        ("DOC_ENABLE_LIBREOFFICE", "Extraction:EnableLibreOffice", null),
        ("DOC_ENABLE_PANDOC", "Extraction:EnablePandoc", null),
        ("DOC_ENABLE_OCR", "Extraction:EnableOcr", null),
        ("OCR_LANGUAGES", "Extraction:OcrLanguages", null),
        ("LIBREOFFICE_CONCURRENCY", "Extraction:LibreOfficeConcurrency", null),
        ("LIBREOFFICE_POOL_SIZE", "Extraction:LibreOfficePoolSize", null),
        ("LIBREOFFICE_POOL_PORT_BASE", "Extraction:LibreOfficePoolPortBase", null),
        ("LIBREOFFICE_PYTHON", "Extraction:LibreOfficePython", null),
        ("OCR_CONCURRENCY", "Extraction:OcrConcurrency", null),
        ("OCR_UPSCALE_BELOW_PIXELS", "Extraction:OcrUpscaleBelowPixels", null),
        ("EXTRACTION_BUDGET_SECONDS", "Extraction:DocumentBudgetSeconds", null),
        ("TEMP_ROOT", "Extraction:TempRoot", null),
        ("TEMP_SWEEP_AFTER_HOURS", "Extraction:TempSweepAfterHours", null),
        ("DATABASE_URL", "Storage:ConnectionString", null),
        ("STORE_TEXT", "Storage:StoreText", null),
        ("RETENTION_DAYS", "Storage:RetentionDays", null),
        ("MIGRATE_ON_STARTUP", "Storage:MigrateOnStartup", null),
        ("DATABASE_CONNECT_TIMEOUT", "Storage:ConnectTimeoutSeconds", null),
        ("DATABASE_COMMAND_TIMEOUT", "Storage:CommandTimeoutSeconds", null),
        ("REDIS_URL", "Cache:RedisUrl", null),
        ("CACHE_TTL", "Cache:TtlSeconds", Caching.CacheOptions.ParseSeconds),
        ("OUTBOX_ENABLED", "Outbox:Enabled", null),
        ("OUTBOX_MAX_ENTRIES", "Outbox:MaxEntries", null),
        ("OUTBOX_MAX_BYTES", "Outbox:MaxBytes", ParseSize),
        ("OUTBOX_MAX_JOB_BYTES", "Outbox:MaxJobBytes", ParseSize),
        ("OUTBOX_LEASE_SECONDS", "Outbox:LeaseSeconds", null),
        ("EMBEDDINGS_BASE_URL", "Embeddings:BaseUrl", null),
        ("EMBEDDINGS_MODEL", "Embeddings:Model", null),
        ("EMBEDDINGS_PROVIDER", "Embeddings:Provider", null),
        ("OPENAI_API_KEY", "Embeddings:ApiKey", null),
        ("JOBS_CONCURRENCY", "Jobs:Concurrency", null),
        ("JOBS_WORKER_ENABLED", "Jobs:WorkerEnabled", null),
        ("JOBS_LEASE_SECONDS", "Jobs:LeaseSeconds", null),
        ("JOBS_MAX_QUEUE_DEPTH", "Jobs:MaxQueueDepth", null),
        ("JOBS_MAX_FILES", "Jobs:MaxFilesPerJob", null),
        ("JOBS_MAX_JOB_BYTES", "Jobs:MaxJobBytes", ParseSize),
        ("JOBS_RETENTION_DAYS", "Jobs:RetentionDays", null),
        ("RETRY_DELAYS", "Jobs:RetryDelays", null),
        ("RETRY_MAX_ATTEMPTS", "Jobs:RetryMaxAttempts", null),
        ("WEBHOOK_SECRET", "Webhooks:Secret", null),
        ("WEBHOOK_RETRY_DELAYS", "Webhooks:RetryDelays", null),
        ("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "Webhooks:AllowPrivateNetworks", null),
        ("API_KEY_HASHES", "Security:ApiKeyHashes", null),
        ("API_KEYS", "Security:ApiKeys", null),
        ("JWT_SECRET", "Security:JwtSecret", null),
        ("JWT_ISSUER", "Security:JwtIssuer", null),
        ("JWT_AUDIENCE", "Security:JwtAudience", null),
        ("AUTH_DISABLED", "Security:AuthDisabled", null),
        ("RATE_LIMIT_PER_MINUTE", "Security:RateLimitPerMinute", null),
        ("CORS_ORIGINS", "Security:CorsOrigins", null),
        ("UI_ENABLED", "Ui:Enabled", null),
        ("WARMUP_ENABLED", "Warmup:Enabled", null),
        ("WARMUP_ROUNDS", "Warmup:Rounds", null),
        ("WARMUP_MAX_SECONDS", "Warmup:MaxSeconds", null),
        // Cloud Run, Railway and Heroku say which port to listen on in PORT; it wins over ASPNETCORE_HTTP_PORTS.
        ("PORT", "HTTP_PORTS", null),

        ("OPENAI_API_KEY", "OpenAi:ApiKey", null),
        ("OPENAI_BASE_URL", "OpenAi:BaseUrl", null),
        ("OPENAI_MODEL", "OpenAi:Model", null),
        ("OPENAI_MAX_TOKENS", "OpenAi:MaxTokens", null),
        ("LLM_PRICES", "OpenAi:PriceTable", null),
        ("OPENAI_TEMPERATURE", "OpenAi:Temperature", null),
        ("OPENAI_TIMEOUT_SECONDS", "OpenAi:TimeoutSeconds", null),
        ("OPENAI_MAX_RETRIES", "OpenAi:MaxRetries", null),
        ("MAX_INPUT_CHARS", "OpenAi:MaxInputChars", null),
        ("CHARS_PER_TOKEN_ESTIMATE", "OpenAi:CharsPerTokenEstimate", null),
    ];

    /// <summary>Every well-known name the service reads; deployment files are checked against this list.</summary>
    public static IEnumerable<string> Names => Map.Select(m => m.Env);

    public static IConfigurationBuilder AddWellKnownEnvironmentVariables(this IConfigurationBuilder builder)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (env, key, convert) in Map)
        {
            var v = Environment.GetEnvironmentVariable(env);
            if (string.IsNullOrWhiteSpace(v)) continue;
            values[key] = convert is null ? v.Trim() : convert(v.Trim());
        }
        return builder.AddInMemoryCollection(values);
    }

    /// <summary>"10485760", "10MB", "10 MiB", "512k" → bytes. Unparseable values pass through for validation to name.</summary>
    public static string ParseSize(string v)
    {
        var m = SizeRegex().Match(v);
        if (!m.Success) return v;
        var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mult = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1L,
            "k" or "kb" or "kib" => 1024L,
            "m" or "mb" or "mib" => 1024L * 1024,
            "g" or "gb" or "gib" => 1024L * 1024 * 1024,
            _ => 1L,
        };
        return ((long)(n * mult)).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]{0,3})\s*$")]
    private static partial Regex SizeRegex();
}
