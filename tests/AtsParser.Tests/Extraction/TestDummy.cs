using AtsParser.Core.Extraction;

namespace AtsParser.Tests.Extraction;

/// <summary>Runs tests/AtsParser.TestDummy (built next to this project, same configuration) through the dotnet host.</summary>
public static class TestDummy
{
    static readonly string Dll = Locate();

    public static ProcessSpec Spec(params string[] args) =>
        new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", [Dll, .. args]);

    // bin/<Configuration>/<tfm>/ of this project → the dummy's bin/<Configuration>/<tfm>/.
    static string Locate()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!;
        var testsDir = configuration.Parent!.Parent!.Parent!;
        var dll = Path.Combine(testsDir.FullName, "AtsParser.TestDummy", "bin", configuration.Name, tfm.Name, "AtsParser.TestDummy.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build tests/AtsParser.TestDummy first (the test project references it).", dll);
    }
}

/// <summary>Finds processes through /proc, to prove that a killed process tree is really gone.</summary>
public static class Procs
{
    public static int? FindByCommandLine(string needle)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(needle, StringComparison.Ordinal)) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    /// <summary>True once the pid is gone or only a zombie awaiting its reaper (it runs no code any more).</summary>
    public static bool IsDead(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException) { return true; }
    }

    public static async Task<bool> DiesWithin(int pid, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (!IsDead(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>Polls until a process whose command line contains the needle appears.</summary>
    public static async Task<int> WaitForAsync(string needle, CancellationToken ct)
    {
        while (true)
        {
            if (FindByCommandLine(needle) is { } pid) return pid;
            await Task.Delay(50, ct);
        }
    }
}
