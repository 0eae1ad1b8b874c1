using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AtsParser.Bench;

/// <summary>The real service (the AtsParser.Api apphost next to this bench) as a child process on a free port, with its peak resident memory readable from /proc; stopped on dispose.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;
    public HttpClient Client { get; }

    ServiceProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
    }

    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> env, CancellationToken ct)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "AtsParser.Api")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["AUTH_DISABLED"] = "true"; // Production refuses to start without auth; the bench measures the queue, not auth
        psi.Environment["RATE_LIMIT_PER_MINUTE"] = "0";
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var service = new ServiceProcess(p, port);
        for (var i = 0; i < 600; i++)
        {
            if (p.HasExited) throw new InvalidOperationException($"AtsParser.Api exited with {p.ExitCode} during start-up.");
            // Ready, not just live: ready waits for the start-up warm-up, which a measurement should not include.
            try { if ((await service.Client.GetAsync("/health/ready", ct)).IsSuccessStatusCode) return service; }
            catch (HttpRequestException) { }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("AtsParser.Api did not become ready in 60 s.");
    }

    /// <summary>CPU time the service has used so far (user + system), from /proc: 10 ms ticks, so sum it over many requests.</summary>
    public TimeSpan CpuTime { get { _process.Refresh(); return _process.TotalProcessorTime; } }

    /// <summary>VmHWM: the high-water mark of resident memory since the process started.</summary>
    public long PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}
