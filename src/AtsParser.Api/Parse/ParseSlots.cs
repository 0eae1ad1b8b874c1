using System.ComponentModel.DataAnnotations;
using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Parse;

public sealed class ParseLimitOptions
{
    public const string Section = "ParseLimits";

    /// <summary>PARSE_CONCURRENCY: documents in the pipeline at once in this process, HTTP requests and the job worker together.</summary>
    [Range(1, 256)] public int Concurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>PARSE_QUEUE_TIMEOUT_SECONDS: how long a request waits for a slot before it is answered 503 server_busy.</summary>
    [Range(0, 3600)] public double QueueTimeoutSeconds { get; set; } = 30;

    /// <summary>The Retry-After of a server_busy answer.</summary>
    [Range(1, 3600)] public int BusyRetryAfterSeconds { get; set; } = 10;
}

[OptionsValidator]
public sealed partial class ParseLimitOptionsValidator : IValidateOptions<ParseLimitOptions>;

/// <summary>
/// The process-wide bound on parsing. Each request parsed its upload at once before (50 concurrent 10 MB uploads
/// peaked at 4.4 GB), whatever the per-request and per-tool caps said. A slot covers loading the bytes, the cache
/// lookup and the pipeline. Requests wait in line up to QueueTimeoutSeconds; job items (already queued) wait as long as it takes.
/// </summary>
public sealed class ParseSlots(IOptions<ParseLimitOptions> options, ILogger<ParseSlots> logger)
{
    readonly SemaphoreSlim _slots = new(options.Value.Concurrency, options.Value.Concurrency);

    public async Task<Slot> EnterAsync(bool background, CancellationToken ct)
    {
        if (background)
        {
            await _slots.WaitAsync(ct);
            return new Slot(_slots);
        }
        var o = options.Value;
        if (await _slots.WaitAsync(TimeSpan.FromSeconds(o.QueueTimeoutSeconds), ct)) return new Slot(_slots);
        Log.ParseBusy(logger, o.Concurrency, o.QueueTimeoutSeconds);
        throw new CodedException(ErrorCodes.ServerBusy, $"All {o.Concurrency} parse slots (PARSE_CONCURRENCY) stayed taken for {o.QueueTimeoutSeconds:0.#} s")
        {
            RetryAfterSeconds = o.BusyRetryAfterSeconds,
        };
    }

    public sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}

public static class ParseSlotServices
{
    public static IServiceCollection AddParseSlots(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ParseLimitOptions>().Bind(config.GetSection(ParseLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ParseLimitOptions>, ParseLimitOptionsValidator>();
        services.AddSingleton<ParseSlots>();
        return services;
    }
}
