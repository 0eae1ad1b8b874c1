using System.Net;
using System.Net.Sockets;
using AtsParser.IntegrationTests.Support;

namespace AtsParser.IntegrationTests.Observability;

/// <summary>
/// The service on a real TCP port (TestServer is not reachable from other processes such as Prometheus or promtool).
/// </summary>
public sealed class KestrelApi : ApiFactory
{
    public int Port { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public KestrelApi()
    {
        UseKestrel(Port);
    }

    public HttpClient Client(string? apiKey = null)
    {
        StartServer();
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
