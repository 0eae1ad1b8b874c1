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
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (ctx, ct) => ConnectAsync(ctx.DnsEndPoint, allowPrivate, ct),
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

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] < 128,   // carrier-grade NAT
            169 => b[1] == 254,                // link-local, cloud metadata endpoints
            172 => b[1] >= 16 && b[1] < 32,
            192 => b[1] == 168,
            >= 224 => true,                    // multicast and reserved
            _ => false,
        };
    }
}

/// <summary>The receiver's address is internal and not allowed: retrying cannot help, so the delivery fails at once.</summary>
public sealed class WebhookBlockedException(string message) : IOException(message);
