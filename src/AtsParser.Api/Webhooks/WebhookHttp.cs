using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Webhooks;

/// <summary>
/// The HTTP client webhooks are sent with. The address check happens at connect time, on the addresses DNS
/// actually returned, so neither a redirect nor DNS rebinding can point a delivery at an internal service.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services)
    {
        // Every attempt is already logged once by the dispatcher (event 1720-1722); the client's own per-request
        // logs would repeat each failure with a full stack trace.
        services.AddLogging(b => b.AddFilter($"System.Net.Http.HttpClient.{ClientName}", LogLevel.Warning));
        services.AddHttpClient(ClientName)
            // Through a proxy the connection goes to the proxy, not the receiver: check the receiver per request.
            .AddHttpMessageHandler(sp => new ProxiedTargetCheck(HttpClient.DefaultProxy, sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    // A connection to a configured proxy is allowed wherever it is; ProxiedTargetCheck vetted the receiver.
                    ConnectCallback = (ctx, ct) => ConnectAsync(ctx.DnsEndPoint, allowPrivate || IsProxyConnection(ctx), ct),
                };
            });
        return services;
    }

    static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || !IsInternal(a)).ToArray();
        if (allowed.Length == 0)
            throw new WebhookBlockedException("The webhook host resolves only to internal addresses; set WEBHOOK_ALLOW_PRIVATE_NETWORKS=true to allow it.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static bool IsProxyConnection(SocketsHttpConnectionContext ctx) =>
        ctx.InitialRequestMessage.RequestUri is { } target && !string.Equals(ctx.DnsEndPoint.Host, target.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>IPv6 prefixes that embed or reach an IPv4 address the v4 rules cannot see.</summary>
    static readonly IPNetwork[] TranslatedV6 =
    [
        IPNetwork.Parse("64:ff9b::/96"),   // NAT64: 64:ff9b::a9fe:a9fe is 169.254.169.254
        IPNetwork.Parse("64:ff9b:1::/48"), // local-use NAT64
        IPNetwork.Parse("2002::/16"),      // 6to4: 2002:7f00:1:: wraps 127.0.0.1
    ];

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                || TranslatedV6.Any(n => n.Contains(address));
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] < 128,   // carrier-grade NAT
            169 => b[1] == 254,                // link-local, cloud metadata endpoints
            172 => b[1] >= 16 && b[1] < 32,
            198 => b[1] is 18 or 19,           // benchmarking (198.18.0.0/15), often routed to internal test nets
            192 => b[1] == 168,
            >= 224 => true,                    // multicast and reserved
            _ => false,
        };
    }
}

/// <summary>
/// With an HTTP(S) proxy in use for the receiver's URL, the connect-time check only sees the proxy: resolve the
/// receiver here, per request (pooled proxy connections are shared across receivers), and refuse internal ones.
/// </summary>
public sealed class ProxiedTargetCheck(IWebProxy? proxy, bool allowPrivate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.RequestUri!;
        if (!allowPrivate && proxy is not null && !proxy.IsBypassed(target) && proxy.GetProxy(target) is not null)
        {
            var addresses = IPAddress.TryParse(target.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.IdnHost, ct);
            if (addresses.Length == 0 || addresses.Any(WebhookHttp.IsInternal))
                throw new WebhookBlockedException("The webhook host resolves to internal addresses (checked before sending through the proxy); set WEBHOOK_ALLOW_PRIVATE_NETWORKS=true to allow it.");
        }
        return await base.SendAsync(request, ct);
    }
}

/// <summary>The receiver's address is internal and not allowed: retrying cannot help, so the delivery fails at once.</summary>
public sealed class WebhookBlockedException(string message) : IOException(message);
