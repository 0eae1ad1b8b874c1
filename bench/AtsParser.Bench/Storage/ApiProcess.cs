using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AtsParser.Bench.Storage;

/// <summary>The real service (the AtsParser.Api apphost copied next to this bench) on a free port, stopped on dispose.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    readonly Process _process;
    public HttpClient Client { get; }

    ApiProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> env, CancellationToken ct)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "AtsParser.Api")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // Loopback only, for measuring: no authentication, and no rate limit to throttle the benchmark's requests.
        psi.Environment["AUTH_DISABLED"] = "true";
        psi.Environment["RATE_LIMIT_PER_MINUTE"] = "0";
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var api = new ApiProcess(p, port);
        for (var i = 0; i < 600; i++)
        {
            if (p.HasExited) throw new InvalidOperationException($"AtsParser.Api exited with {p.ExitCode} during start-up.");
            try { if ((await api.Client.GetAsync("/health", ct)).IsSuccessStatusCode) return api; }
            catch (HttpRequestException) { }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("AtsParser.Api did not become healthy in 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}
