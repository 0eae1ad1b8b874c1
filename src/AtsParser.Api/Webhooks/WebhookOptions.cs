using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>HMAC-SHA256 key for X-AtsParser-Signature (WEBHOOK_SECRET). Jobs with a webhookUrl are refused without it.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Seconds before each re-delivery (WEBHOOK_RETRY_DELAYS); after the last one the delivery is marked failed.</summary>
    [Required, RegularExpression(@"^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$", ErrorMessage = "WEBHOOK_RETRY_DELAYS must be comma-separated seconds, e.g. 10,60,300.")]
    public string RetryDelays { get; set; } = "10,60,300,1800,7200";

    [Range(1, 120)] public int TimeoutSeconds { get; set; } = 10;

    [Range(1, 256)] public int Concurrency { get; set; } = 8;

    [Range(10, 60_000)] public int PollIntervalMs { get; set; } = 1000;

    /// <summary>
    /// Webhook URLs are user input: by default they may not resolve to loopback, private or link-local addresses,
    /// so a job cannot make the service call its own network (SSRF). Allow it for on-premises receivers
    /// (WEBHOOK_ALLOW_PRIVATE_NETWORKS=true).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Whether this replica sends deliveries: set from the jobs worker's switch (JOBS_WORKER_ENABLED) by AddJobs.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int MaxAttempts => Delays().Length + 1;

    public TimeSpan DelayAfter(int attempt)
    {
        var d = Delays();
        return TimeSpan.FromSeconds(d.Length == 0 ? 0 : d[Math.Clamp(attempt - 1, 0, d.Length - 1)]);
    }

    double[] Delays() => RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
}

[OptionsValidator]
public sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
