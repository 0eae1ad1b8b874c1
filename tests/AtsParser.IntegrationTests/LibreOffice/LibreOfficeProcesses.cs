namespace AtsParser.IntegrationTests.LibreOffice;

/// <summary>Looks at /proc for the processes a LibreOffice pool started.</summary>
static class LibreOfficeProcesses
{
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state letter follows the parenthesised command name; a zombie has already exited.
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>oosplash or soffice.bin, as opposed to the python worker that drives them.</summary>
    public static bool IsSoffice(int pid)
    {
        try { var comm = File.ReadAllText($"/proc/{pid}/comm").Trim(); return comm.StartsWith("soffice") || comm == "oosplash"; }
        catch (IOException) { return false; }
    }

    /// <summary>Live processes whose command line mentions the given path (e.g. the pool's profile root).</summary>
    public static List<int> Mentioning(string path)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(path, StringComparison.Ordinal) && IsAlive(pid)) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    public static async Task WaitForExitAsync(int pid, CancellationToken ct)
    {
        while (IsAlive(pid)) await Task.Delay(50, ct);
    }
}
