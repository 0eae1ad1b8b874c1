using System.Diagnostics;

namespace AtsParser.Core.Extraction;

/// <summary>The pool's processes as /proc shows them: every one names its listener's profile on its command line.</summary>
public static class LibreOfficePoolProcesses
{
    static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Kills every live process (and its tree) whose command line names the path, and returns once none is left or
    /// after 10 s; a zombie has exited and counts as gone. Linux /proc only.
    /// </summary>
    public static async Task KillMentioningAsync(string path)
    {
        if (!Directory.Exists("/proc") || path.Length == 0) return;
        var profileUri = new Uri(path).AbsoluteUri;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < GoneWithin)
        {
            var live = LiveProcessesMentioning(path, profileUri);
            if (live.Count == 0) return;
            foreach (var pid in live)
            {
                try
                {
                    using var straggler = Process.GetProcessById(pid);
                    straggler.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            }
            await Task.Delay(50);
        }
    }

    static List<int> LiveProcessesMentioning(string path, string profileUri)
    {
        var live = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.Contains(profileUri, StringComparison.Ordinal) && !cmdline.Contains(path, StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z') live.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return live;
    }
}
