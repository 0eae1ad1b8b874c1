using System.Diagnostics;
using System.Net.Sockets;

namespace AtsParser.IntegrationTests.Support;

/// <summary>A throw-away redis-server on a free port with persistence off. Or, when REDIS_URL is set, that server.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    Process? _process;
    IAsyncDisposable? _container;

    public string Url { get; private set; } = "";
    public int Port { get; private set; }

    public static RedisServer External(string url) => new() { Url = url };

    public static RedisServer InContainer(IAsyncDisposable container, string host, int port) => new() { Url = $"redis://{host}:{port}", Port = port, _container = container };

    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        var server = new RedisServer { Port = port ?? LocalProcess.FreePort() };
        server.Url = $"redis://127.0.0.1:{server.Port}";
        var psi = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--port", server.Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
            psi.ArgumentList.Add(a);
        server._process = Process.Start(psi)!;
        server._process.OutputDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        LocalProcess.CleanupWhenTestProcessExits($"kill {server._process.Id} 2>/dev/null");
        for (var i = 0; i < 100; i++)
        {
            try { using var c = new TcpClient(); await c.ConnectAsync("127.0.0.1", server.Port); return server; }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new InvalidOperationException($"redis-server did not listen on {server.Port}.");
    }

    /// <summary>Stops the server at once (a crash, as far as clients can tell).</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) { await _container.DisposeAsync(); _container = null; }
        await StopAsync();
        _process?.Dispose();
        _process = null;
    }
}
