using System.Net;
using AtsParser.Api.Webhooks;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    const string Secret = "whsec_test";
    const string Body = """{"event":"job.completed","jobId":"01a2033c-7069-71bc-a211-61fe4a445bdd"}""";
    static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void A_signature_made_now_verifies()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        header.Should().MatchRegex("^t=1800000000,v1=[0-9a-f]{64}$");
        WebhookSignature.Verify(Secret, header, Body, Now, TimeSpan.FromMinutes(5)).Should().BeTrue();
    }

    [Fact]
    public void A_changed_body_a_wrong_secret_or_an_old_timestamp_fail()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        WebhookSignature.Verify(Secret, header, Body.Replace("completed", "cancelled"), Now, TimeSpan.FromMinutes(5)).Should().BeFalse();
        WebhookSignature.Verify("other", header, Body, Now, TimeSpan.FromMinutes(5)).Should().BeFalse();
        WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)).Should().BeFalse("a replayed delivery is too old");
        WebhookSignature.Verify(Secret, "v1=abc", Body, Now, TimeSpan.FromMinutes(5)).Should().BeFalse();
    }

    [Fact]
    public void The_mac_is_hmac_sha256_over_timestamp_dot_body_so_any_language_can_check_it()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes("1800000000." + Body)));

        WebhookSignature.Sign(Secret, 1_800_000_000, Body).Should().EndWith("v1=" + expected);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("198.18.0.1", true)]
    [InlineData("198.19.255.254", true)]
    [InlineData("64:ff9b::a9fe:a9fe", true)]
    [InlineData("2002:7f00:1::", true)]
    [InlineData("198.20.0.1", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2606:2800:220:1::1", false)]
    public void Internal_addresses_are_recognised_for_the_ssrf_guard(string address, bool isInternal) =>
        WebhookHttp.IsInternal(IPAddress.Parse(address)).Should().Be(isInternal);
}
