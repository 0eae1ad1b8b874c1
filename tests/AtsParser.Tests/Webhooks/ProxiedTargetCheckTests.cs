using System.Net;
using AtsParser.Api.Webhooks;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Webhooks;

/// <summary>Through a proxy the connect-time check only sees the proxy, so the receiver is checked per request.</summary>
public sealed class ProxiedTargetCheckTests
{
    sealed class Reached : HttpMessageHandler
    {
        public int Count;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Count++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }

    static (HttpClient Client, Reached Inner) Client(IWebProxy? proxy, bool allowPrivate = false)
    {
        var inner = new Reached();
        return (new HttpClient(new ProxiedTargetCheck(proxy, allowPrivate) { InnerHandler = inner }), inner);
    }

    static readonly WebProxy Proxy = new("http://10.0.0.2:3128");

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.1.2.3:8080/hook")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/hook")]
    [InlineData("https://198.18.0.7/hook")]
    public async Task An_internal_receiver_is_refused_before_the_request_reaches_the_proxy(string url)
    {
        var (client, inner) = Client(Proxy);

        await client.Invoking(c => c.PostAsync(url, null)).Should().ThrowAsync<WebhookBlockedException>();
        inner.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_public_receiver_goes_through_the_proxy()
    {
        var (client, inner) = Client(Proxy);

        (await client.PostAsync("http://93.184.216.34/hook", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        inner.Count.Should().Be(1);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Without_a_proxy_or_with_private_networks_allowed_the_connect_time_check_decides(bool withProxy, bool allowPrivate)
    {
        var (client, inner) = Client(withProxy ? Proxy : null, allowPrivate);

        (await client.PostAsync("http://10.1.2.3:8080/hook", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        inner.Count.Should().Be(1);
    }
}
