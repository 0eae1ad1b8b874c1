using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Items processed at once by this replica. Size it to the LLM concurrency; native tools have their own caps.</summary>
    [Range(1, 1024)] public int Concurrency { get; set; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>False for API-only replicas: they accept jobs but leave the work to others.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>A claimed item belongs to its replica this long; the heartbeat renews it, a crash lets it expire.</summary>
    [Range(0.5, 3600)] public double LeaseSeconds { get; set; } = 60;

    /// <summary>How often an idle worker looks for work.</summary>
    [Range(10, 60_000)] public int PollIntervalMs { get; set; } = 1000;

    /// <summary>Seconds to wait before each retry of a transient failure (RETRY_DELAYS), e.g. "60,300,900".</summary>
    [Required, RegularExpression(@"^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$", ErrorMessage = "RETRY_DELAYS must be comma-separated seconds, e.g. 60,300,900.")]
    public string RetryDelays { get; set; } = "60,300,900";

    /// <summary>Attempts (first try included) before an item is dead-lettered (RETRY_MAX_ATTEMPTS).</summary>
    [Range(1, 100)] public int RetryMaxAttempts { get; set; } = 4;

    /// <summary>Queued plus running items above which new jobs are refused with 503 and Retry-After.</summary>
    [Range(1, 100_000_000)] public int MaxQueueDepth { get; set; } = 100_000;

    /// <summary>The Retry-After a refused job gets.</summary>
    [Range(1, 3600)] public int QueueFullRetryAfterSeconds { get; set; } = 30;

    /// <summary>Finished jobs and their results are deleted this many days after finishing (JOBS_RETENTION_DAYS); 0 keeps them.</summary>
    [Range(0, 36_500)] public int RetentionDays { get; set; } = 30;

    [Range(1, 100_000)] public int MaxFilesPerJob { get; set; } = 10_000;

    /// <summary>Cap on one job's stored bytes (all files, or the zip's inflated entries).</summary>
    [Range(1024, 1L << 40)] public long MaxJobBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan RetryDelay(int attempt)
    {
        var delays = RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => double.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        if (delays.Length == 0) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(delays[Math.Clamp(attempt - 1, 0, delays.Length - 1)]);
    }
}

[OptionsValidator]
public sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>;
