using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

/// <summary>
/// Each service instance keeps its temp files under a root of its own, &lt;base&gt;/atsparser-&lt;pid&gt;-&lt;random&gt; (0700),
/// never one directory shared by every process on the host. An owner file names the host, pid and process start
/// time. At start-up an instance sweeps the roots of instances that are gone: on this host, the owner process is
/// no longer running (or its pid now belongs to another process); from elsewhere (a container sharing the
/// directory), the owner file has not been refreshed for TEMP_SWEEP_AFTER_HOURS. A live instance refreshes its
/// owner file four times within that period.
/// </summary>
public static partial class TempRoots
{
    const string OwnerFile = ".owner";
    const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string NewRoot(string baseDirectory) =>
        Path.Combine(baseDirectory, $"atsparser-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");

    /// <summary>Creates the root (0700) with its owner file unless it exists: one stat per call otherwise.</summary>
    public static void Ensure(string root)
    {
        if (Directory.Exists(root)) return;
        CreatePrivateDirectory(root);
        if (InstanceRoot().IsMatch(Path.GetFileName(root))) WriteOwner(root);
    }

    /// <summary>A directory (and any missing parent) only this user can enter: 0700.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, PrivateDirectory);
    }

    /// <summary>Keeps this instance's root from looking abandoned to instances on other hosts.</summary>
    public static void Touch(string root)
    {
        var owner = Path.Combine(root, OwnerFile);
        if (File.Exists(owner)) File.SetLastWriteTimeUtc(owner, DateTime.UtcNow);
        else { Ensure(root); if (!File.Exists(owner)) WriteOwner(root); }
    }

    /// <summary>Removes the instance's root at a clean stop, unless something is still in it (a leak stays visible; the next start sweeps it).</summary>
    public static void RemoveIfEmpty(string root)
    {
        try
        {
            if (!Directory.Exists(root) || Directory.EnumerateFileSystemEntries(root).Any(e => Path.GetFileName(e) != OwnerFile)) return;
            File.Delete(Path.Combine(root, OwnerFile));
            Directory.Delete(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Deletes the roots of gone instances under `baseDirectory`; returns their names.</summary>
    public static IReadOnlyList<string> Sweep(string baseDirectory, string ownRoot, TimeSpan staleAfter, DateTime utcNow)
    {
        var removed = new List<string>();
        if (!Directory.Exists(baseDirectory)) return removed;
        var own = Path.GetFullPath(ownRoot);
        foreach (var dir in Directory.EnumerateDirectories(baseDirectory, "atsparser-*"))
        {
            var name = Path.GetFileName(dir);
            if (!InstanceRoot().IsMatch(name) || Path.GetFullPath(dir) == own || !IsAbandoned(dir, staleAfter, utcNow)) continue;
            try { Directory.Delete(dir, recursive: true); removed.Add(name); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return removed;
    }

    static bool IsAbandoned(string root, TimeSpan staleAfter, DateTime utcNow)
    {
        var owner = Path.Combine(root, OwnerFile);
        string[] lines;
        DateTime touched;
        try
        {
            lines = File.ReadAllLines(owner);
            touched = File.GetLastWriteTimeUtc(owner);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return utcNow - Directory.GetLastWriteTimeUtc(root) > staleAfter;
        }
        if (lines.Length >= 3 && lines[0] == Environment.MachineName
            && int.TryParse(lines[1], CultureInfo.InvariantCulture, out var pid) && long.TryParse(lines[2], CultureInfo.InvariantCulture, out var started))
            return !IsRunning(pid, started);
        return utcNow - touched > staleAfter;
    }

    static bool IsRunning(int pid, long startedTicks)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            // Another process may have been given the pid since: its start time differs.
            return Math.Abs(p.StartTime.ToUniversalTime().Ticks - startedTicks) < TimeSpan.TicksPerSecond * 2;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    static void WriteOwner(string root)
    {
        using var self = Process.GetCurrentProcess();
        var text = string.Join('\n', Environment.MachineName, Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            self.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)) + "\n";
        using var file = TempDir.CreatePrivateFile(Path.Combine(root, OwnerFile), FileMode.Create, FileOptions.None);
        file.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    [GeneratedRegex("^atsparser-[0-9]+-[0-9a-f]{12}$")]
    private static partial Regex InstanceRoot();
}

/// <summary>
/// Prepares this instance's temp root at start-up (after sweeping the roots of gone instances), refreshes its owner
/// file while running, and removes it at a clean stop. Registered before the LibreOffice pool, so it stops after it.
/// </summary>
public sealed class TempRootKeeper(IOptions<ExtractionOptions> options, ILogger<TempRootKeeper> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        foreach (var name in TempRoots.Sweep(o.TempBase, o.TempDirectory, TimeSpan.FromHours(o.TempSweepAfterHours), DateTime.UtcNow))
            Log.TempRootSwept(logger, name);
        TempRoots.Ensure(o.TempDirectory);
        TempDir.Root = o.TempDirectory;
        return base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(options.Value.TempSweepAfterHours / 4.0));
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) TempRoots.Touch(options.Value.TempDirectory);
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        TempRoots.RemoveIfEmpty(options.Value.TempDirectory);
    }
}
