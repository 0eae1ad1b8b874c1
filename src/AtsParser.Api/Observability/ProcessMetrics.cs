using System.Diagnostics;
using System.Diagnostics.Metrics;
using AtsParser.Core.Observability;

namespace AtsParser.Api.Observability;

/// <summary>
/// Process and runtime metrics under prometheus-net's default names (process_*, dotnet_*), so that the usual .NET
/// dashboards work: CPU, memory, GC, threads and the thread-pool queue. Sampled on each scrape.
/// </summary>
public static class ProcessMetrics
{
    static readonly Lock Gate = new();
    static readonly Process Self = Process.GetCurrentProcess();
    static readonly double StartTime = new DateTimeOffset(Self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000d;
    static long _sampledAt;
    static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var m = AtsMetrics.SharedMeter;
        m.CreateObservableCounter("process_cpu_seconds_total", () => Fresh().TotalProcessorTime.TotalSeconds, "s", "Total user and system CPU time spent in seconds.");
        m.CreateObservableGauge("process_resident_memory_bytes", () => Fresh().WorkingSet64, "By", "Resident memory size in bytes.");
        m.CreateObservableGauge("process_virtual_memory_bytes", () => Fresh().VirtualMemorySize64, "By", "Virtual memory size in bytes.");
        m.CreateObservableGauge("process_private_memory_bytes", () => Fresh().PrivateMemorySize64, "By", "Process private memory size in bytes.");
        m.CreateObservableGauge("process_num_threads", () => Fresh().Threads.Count, null, "Total number of threads.");
        m.CreateObservableGauge("process_open_handles", () => Fresh().HandleCount, null, "Number of open handles.");
        m.CreateObservableGauge("process_start_time_seconds", () => StartTime, "s", "Start time of the process since unix epoch in seconds.");
        m.CreateObservableGauge("dotnet_total_memory_bytes", () => GC.GetTotalMemory(false), "By", "Total known allocated memory in bytes.");
        m.CreateObservableGauge("dotnet_gc_heap_size_bytes", () => GC.GetGCMemoryInfo().HeapSizeBytes, "By", "GC heap size in bytes after the last collection.");
        m.CreateObservableCounter("dotnet_collection_count_total", Collections, null, "GC collection count, by generation.");
        m.CreateObservableCounter("dotnet_gc_pause_seconds_total", () => GC.GetTotalPauseDuration().TotalSeconds, "s", "Total time the runtime was paused for GC.");
        m.CreateObservableGauge("dotnet_threadpool_threads", () => ThreadPool.ThreadCount, null, "Thread-pool threads.");
        m.CreateObservableGauge("dotnet_threadpool_queue_length", () => ThreadPool.PendingWorkItemCount, null, "Work items queued to the thread pool.");
    }

    static IEnumerable<Measurement<long>> Collections()
    {
        for (var g = 0; g <= GC.MaxGeneration; g++)
            yield return new Measurement<long>(GC.CollectionCount(g), new KeyValuePair<string, object?>("generation", g.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>One /proc read per scrape, not one per instrument.</summary>
    static Process Fresh()
    {
        lock (Gate)
        {
            var now = Environment.TickCount64;
            if (now - _sampledAt > 500) { Self.Refresh(); _sampledAt = now; }
            return Self;
        }
    }
}
