using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SideBySide;

/// <summary>
/// The build's real service over HTTP with no parse in the path: GET /health, and POST /api/v1/parse answered from the
/// cache (upload, hash, cache get, JSON out). Client wall time per request, and the service's own CPU per request.
/// </summary>
static class HttpRound
{
    public static async Task<int> RunAsync(TextWriter output, string redisUrl, int reps, string[] files, CancellationToken ct)
    {
        var backend = redisUrl == "-" ? "memory" : "redis";
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "AtsParser.Api")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["AUTH_DISABLED"] = "true";
        psi.Environment["RATE_LIMIT_PER_MINUTE"] = "0";
        psi.Environment["DATABASE_URL"] = "";
        psi.Environment["REDIS_URL"] = backend == "redis" ? redisUrl : "";
        psi.Environment["Cache__KeyPrefix"] = "sbs" + Guid.NewGuid().ToString("N")[..8];
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            for (var i = 0; ; i++)
            {
                if (p.HasExited) throw new InvalidOperationException($"AtsParser.Api exited with {p.ExitCode}");
                try { if ((await client.GetAsync("/health", ct)).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
                if (i > 1200) throw new TimeoutException("no /health in 120 s");
                await Task.Delay(100, ct);
            }
            for (var i = 0; i < 500; i++) await Get(client, "/health", ct);
            await Task.Delay(250, ct);
            await Emit(output, p, backend, "GET /health", "-", reps * 4, () => Get(client, "/health", ct));
            foreach (var file in files)
            {
                var bytes = await File.ReadAllBytesAsync(file, ct);
                await Post(client, bytes, file, "?force=true", "miss", ct);
                // Steady state: a fresh service is still tiering up its code for the first few hundred requests.
                for (var i = 0; i < 300; i++) await Post(client, bytes, file, "", "hit", ct);
                await Task.Delay(250, ct);
                await Emit(output, p, backend, "POST /parse (cache hit)", Path.GetFileName(file), reps, () => Post(client, bytes, file, "", "hit", ct));
            }
        }
        finally
        {
            if (!p.HasExited) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(CancellationToken.None); }
        }
        return 0;
    }

    static async Task Emit(TextWriter output, Process service, string backend, string path, string item, int reps, Func<Task> op)
    {
        var before = ServiceCpuMs(service);
        var r = await Measure.RunAsync(reps, op);
        var serviceCpu = (ServiceCpuMs(service) - before) / reps;
        // cpu = the service's CPU per request (the client's own is not the service's cost).
        Measure.Emit(output, "http", $"{backend} {path}", item, (r.Wall, [serviceCpu]));
    }

    static double ServiceCpuMs(Process p)
    {
        var stat = File.ReadAllText($"/proc/{p.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of stat (index 11 and 12 after the command name), in clock ticks.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    static async Task Get(HttpClient client, string url, CancellationToken ct)
    {
        using var r = await client.GetAsync(url, ct);
        await r.Content.ReadAsByteArrayAsync(ct);
        r.EnsureSuccessStatusCode();
    }

    static async Task Post(HttpClient client, byte[] bytes, string name, string query, string expect, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", Path.GetFileName(name) } };
        using var r = await client.PostAsync("/api/v1/parse" + query, form, ct);
        await r.Content.ReadAsByteArrayAsync(ct);
        r.EnsureSuccessStatusCode();
        var cache = r.Headers.TryGetValues("X-Cache", out var v) ? v.First() : "";
        if (cache != expect) throw new InvalidOperationException($"expected X-Cache {expect}, got '{cache}'");
    }
}
