using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SideBySide;

/// <summary>Wall and CPU time (this process plus reaped children, from getrusage: microseconds, not 10 ms ticks).</summary>
static partial class Measure
{
    [StructLayout(LayoutKind.Sequential)]
    struct RUsage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec;
        public long MaxRss, Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrusage(int who, out RUsage usage);

    static double Ms(in RUsage u) => (u.UtimeSec + u.StimeSec) * 1000.0 + (u.UtimeUsec + u.StimeUsec) / 1000.0;

    public static double CpuMs()
    {
        getrusage(0, out var self);
        getrusage(-1, out var children);
        return Ms(self) + Ms(children);
    }

    /// <summary>Runs op reps times; returns (wall ms, cpu ms) per run.</summary>
    public static async Task<(List<double> Wall, List<double> Cpu)> RunAsync(int reps, Func<Task> op)
    {
        var wall = new List<double>(reps);
        var cpu = new List<double>(reps);
        for (var i = 0; i < reps; i++)
        {
            var c0 = CpuMs();
            var sw = Stopwatch.StartNew();
            await op();
            sw.Stop();
            cpu.Add(CpuMs() - c0);
            wall.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (wall, cpu);
    }

    /// <summary>For sub-millisecond operations: batches of n, per-operation time of each batch.</summary>
    public static async Task<(List<double> Wall, List<double> Cpu)> BatchedAsync(int batches, int n, Func<Task> op)
    {
        async Task Batch() { for (var i = 0; i < n; i++) await op(); }
        // Warm-up: JIT and tier-up (30 calls, then a quiet 100 ms), connection, pools.
        for (var i = 0; i < Math.Max(n, 100); i++) await op();
        await Task.Delay(250);
        await Batch();
        var (wall, cpu) = await RunAsync(batches, Batch);
        return (wall.Select(w => w / n).ToList(), cpu.Select(c => c / n).ToList());
    }

    public static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    public static void Emit(TextWriter w, string group, string path, string item, (List<double> Wall, List<double> Cpu) r, string? note = null) =>
        w.WriteLine(JsonSerializer.Serialize(new { group, path, item, wall = Median(r.Wall), cpu = Median(r.Cpu), n = r.Wall.Count, note }));
}
