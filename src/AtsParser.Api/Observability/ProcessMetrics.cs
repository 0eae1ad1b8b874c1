using Prometheus;

namespace AtsParser.Api.Observability;

/// <summary>
/// prometheus-net's process metrics (process_cpu_seconds_total, process_working_set_bytes, process_num_threads,
/// dotnet_collection_count_total, ...) plus three runtime figures the Grafana dashboard plots that DotNetStats lacks.
/// All are read just before each scrape.
/// </summary>
public static class ProcessMetrics
{
    public static void Register(CollectorRegistry registry)
    {
        DotNetStats.Register(registry);
        var f = Metrics.WithCustomRegistry(registry);
        var heap = f.CreateGauge("dotnet_gc_heap_size_bytes", "GC heap size in bytes after the last collection.");
        var pause = f.CreateCounter("dotnet_gc_pause_seconds_total", "Total time the runtime was paused for GC.");
        var queue = f.CreateGauge("dotnet_threadpool_queue_length", "Work items queued to the thread pool.");
        registry.AddBeforeCollectCallback(() =>
        {
            heap.Set(GC.GetGCMemoryInfo().HeapSizeBytes);
            pause.IncTo(GC.GetTotalPauseDuration().TotalSeconds);
            queue.Set(ThreadPool.PendingWorkItemCount);
        });
    }
}
