using System.Diagnostics;
using System.Text.Json;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Heuristic;
using AtsParser.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Warmup;

/// <summary>
/// Start-up warm-up. A fresh replica compiles its code as requests first run it: measured on the side-by-side mixed
/// list, the first rounds after a start cost 29 ms of CPU a request against 2 ms warm (a tenth to a half of the steady
/// throughput), and the first request took about a second.
/// This runs the real pipeline (detection, each in-process reader, the PDF worker, the heuristic parser, the
/// finaliser, the JSON writer) over built-in samples before /health/ready says ready, so a load balancer sends
/// uploads only to a warm replica. It uses a pipeline of its own with a private metrics registry (the samples are not
/// counted as parses), no cache, no store and never the model, and it holds no parse slot: uploads that arrive early
/// are served as usual. A sample that fails is logged by its format and error code and skipped.
/// </summary>
public sealed class WarmupService(ChainRunner runner, HeuristicResumeParser parser, WarmupState state, IOptions<WarmupOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IServiceProvider services, ILogger<WarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) { state.Complete(0, 0); return; }
        await Task.Yield(); // host start-up (and Kestrel) go on meanwhile
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        cap.CancelAfter(TimeSpan.FromSeconds(o.MaxSeconds));
        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        bool finished = false;
        try
        {
            await Task.Run(() => RunAsync(o.Rounds, counts, cap.Token), cap.Token);
            await JitSettledAsync(cap.Token);
            finished = true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
        catch (OperationCanceledException) { return; }
        catch (Exception e)
        {
            // The warm-up only speeds the first uploads up: whatever goes wrong in it must not stop the service.
            counts.Failures++;
            Log.WarmupSampleFailed(logger, "all", e.GetType().Name);
        }
        finally { state.Complete(counts.Documents, counts.Failures); }
        if (finished) Log.WarmupFinished(logger, counts.Documents, counts.Failures, clock.ElapsedMilliseconds);
        else Log.WarmupCapped(logger, o.MaxSeconds);
    }

    sealed class Counts { public int Documents, Failures; }

    /// <summary>
    /// The runtime recompiles the methods the samples made hot on one background thread, after the samples are done:
    /// measured here, about 1.6 s of CPU over 3 s after the last sample, during which uploads would pay for it. Ready
    /// waits until fewer than 20 methods a second are still being compiled (or the cap).
    /// </summary>
    static async Task JitSettledAsync(CancellationToken ct)
    {
        var last = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (true)
        {
            await Task.Delay(500, ct);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - last < 10) return;
            last = now;
        }
    }

    async Task RunAsync(int rounds, Counts counts, CancellationToken ct)
    {
        var pipeline = new DocumentPipeline(runner, new AtsMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<DocumentPipeline>.Instance, parser);
        var samples = WarmupDocuments.All().Select(s => (s.FileName, Form: WarmupDocuments.Multipart(s))).ToList();
        Log.WarmupStarted(logger, samples.Count, rounds, options.Value.MaxSeconds);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var request = new ParseRequestOptions();
        for (int round = 0; round < rounds; round++)
            foreach (var (fileName, form) in samples)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    // As an upload arrives: the multipart body read and spooled to the temp root, loaded, parsed,
                    // presented and written as JSON (only Kestrel, the middleware and the cache are left out).
                    var http = new DefaultHttpContext { RequestServices = services };
                    http.Request.ContentType = "multipart/form-data; boundary=" + WarmupDocuments.Boundary;
                    http.Request.Body = new MemoryStream(form, writable: false);
                    var files = await Parse.UploadReader.SpoolAsync(http.Request, "file", form.Length, 1, ct, Parse.UploadReader.SingleFileInMemory);
                    await using var file = files[0];
                    var result = await pipeline.ProcessAsync(await file.LoadAsync(ct), request, ct);
                    result = Core.Parsing.Output.ResultViews.Apply(result, redact: false, format: null);
                    await JsonSerializer.SerializeAsync(Stream.Null, result, json.Value.SerializerOptions, ct);
                    counts.Documents++;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    counts.Failures++;
                    var format = Path.GetExtension(fileName).TrimStart('.');
                    if (failed.Add(format)) Log.WarmupSampleFailed(logger, format, (e as CodedException)?.Code ?? e.GetType().Name);
                }
            }
    }
}

/// <summary>Whether the start-up warm-up is over (finished, capped, failed or disabled). /health/ready answers
/// not_ready (503) with a "warmup" check until it is, so traffic reaches a warm replica. (Not an IHealthCheck: the
/// health-check service logs every unhealthy probe as an error, and warming up is not one.)</summary>
public sealed class WarmupState
{
    readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Completed => _done.Task.IsCompleted;

    /// <summary>Sample parses that succeeded and failed (both 0 when the warm-up is off).</summary>
    public int Documents { get; private set; }

    public int Failures { get; private set; }

    /// <summary>Completes when the warm-up is over, for tests and tools that wait for it.</summary>
    public Task WhenCompleted => _done.Task;

    internal void Complete(int documents, int failures)
    {
        if (_done.Task.IsCompleted) return;
        (Documents, Failures) = (documents, failures);
        _done.TrySetResult();
    }
}

public static class WarmupServices
{
    public static IServiceCollection AddWarmup(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<WarmupOptions>().Bind(config.GetSection(WarmupOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WarmupOptions>, WarmupOptionsValidator>();
        services.AddSingleton<WarmupState>();
        services.AddHostedService<WarmupService>();
        return services;
    }
}
