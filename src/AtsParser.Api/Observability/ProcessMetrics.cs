using System.Diagnostics;
using Prometheus;

namespace AtsParser.Api.Observability;

/// <summary>
/// The process and runtime series of prometheus-net's DotNetStats (process_cpu_seconds_total, process_working_set_bytes,
/// process_num_threads, dotnet_collection_count_total, ...; same names, types and help) plus three runtime figures the
/// Grafana dashboard plots that DotNetStats lacks. DotNetStats refreshes the Process on every scrape, and on Linux that
/// lists /proc/self/task and /proc/self/fd: /metrics scraped back to back cost 1.4-4x the hand-written exporter it
/// replaced. Here the figures are read at most once per <see cref="RefreshInterval"/>; Prometheus scrapes every 15 s,
/// so it still sees fresh ones, while a burst of scrapes (several Prometheus replicas, a dashboard refreshing) does not
/// pay for them each time.
/// </summary>
public sealed class ProcessMetrics
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    readonly TimeProvider _time;
    readonly Process _process = Process.GetCurrentProcess();
    readonly Lock _gate = new();
    long _due;

    readonly Counter.Child[] _collections;
    readonly Gauge _virtualMemory, _workingSet, _privateMemory, _openHandles, _threads, _totalMemory, _heap, _queue;
    readonly Counter _cpu, _pause;

    ProcessMetrics(CollectorRegistry registry, TimeProvider time)
    {
        _time = time;
        var f = Metrics.WithCustomRegistry(registry);
        var collections = f.CreateCounter("dotnet_collection_count_total", "GC collection count", "generation");
        _collections = [.. Enumerable.Range(0, GC.MaxGeneration + 1).Select(g => collections.WithLabels(g.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        var started = f.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");
        _cpu = f.CreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.");
        _virtualMemory = f.CreateGauge("process_virtual_memory_bytes", "Virtual memory size in bytes.");
        _workingSet = f.CreateGauge("process_working_set_bytes", "Process working set");
        _privateMemory = f.CreateGauge("process_private_memory_bytes", "Process private memory size");
        _openHandles = f.CreateGauge("process_open_handles", "Number of open handles");
        _threads = f.CreateGauge("process_num_threads", "Total number of threads");
        _totalMemory = f.CreateGauge("dotnet_total_memory_bytes", "Total known allocated memory");
        _heap = f.CreateGauge("dotnet_gc_heap_size_bytes", "GC heap size in bytes after the last collection.");
        _pause = f.CreateCounter("dotnet_gc_pause_seconds_total", "Total time the runtime was paused for GC.");
        _queue = f.CreateGauge("dotnet_threadpool_queue_length", "Work items queued to the thread pool.");
        started.Set((_process.StartTime.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds);
    }

    public static ProcessMetrics Register(CollectorRegistry registry, TimeProvider? time = null)
    {
        var metrics = new ProcessMetrics(registry, time ?? TimeProvider.System);
        registry.AddBeforeCollectCallback(metrics.RefreshIfDue);
        return metrics;
    }

    void RefreshIfDue()
    {
        var now = _time.GetTimestamp();
        if (now < Volatile.Read(ref _due)) return;
        lock (_gate)
        {
            if (now < _due) return;
            _due = now + (long)(RefreshInterval.TotalSeconds * _time.TimestampFrequency);
            try
            {
                Refresh();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // A figure the OS would not give this time; the rest of the scrape is still worth answering.
            }
        }
    }

    void Refresh()
    {
        for (var g = 0; g < _collections.Length; g++) _collections[g].IncTo(GC.CollectionCount(g));
        _totalMemory.Set(GC.GetTotalMemory(false));
        _heap.Set(GC.GetGCMemoryInfo().HeapSizeBytes);
        _pause.IncTo(GC.GetTotalPauseDuration().TotalSeconds);
        _queue.Set(ThreadPool.PendingWorkItemCount);
        _process.Refresh();
        _cpu.IncTo(_process.TotalProcessorTime.TotalSeconds);
        _virtualMemory.Set(_process.VirtualMemorySize64);
        _workingSet.Set(_process.WorkingSet64);
        _privateMemory.Set(_process.PrivateMemorySize64);
        _openHandles.Set(_process.HandleCount);
        _threads.Set(_process.Threads.Count);
    }
}
