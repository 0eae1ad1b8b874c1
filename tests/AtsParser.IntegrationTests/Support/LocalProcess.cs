using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AtsParser.IntegrationTests.Support;

/// <summary>Small helpers for the throw-away servers: run a command to completion, find a free port.</summary>
public static class LocalProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a program (as `user` via runuser when we are root), returns stdout; a non-zero exit throws with stderr.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, string? asUser = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asUser is not null && IsRoot)
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", asUser, "--", file }) psi.ArgumentList.Add(a);
        }
        else psi.FileName = file;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException($"{file} did not finish in time."); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', psi.ArgumentList)} exited with {p.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }

    /// <summary>
    /// Runs `cleanup` (a shell command) once this test process is gone, however it ends: the test host can be
    /// killed before ProcessExit handlers finish, and servers must not outlive the run.
    /// </summary>
    public static void CleanupWhenTestProcessExits(string cleanup)
    {
        var psi = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "sh", "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {cleanup}" }) psi.ArgumentList.Add(a);
        using var _ = Process.Start(psi);
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
