using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AtsParser.Api.Webhooks;

/// <summary>
/// X-AtsParser-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}. Signing the timestamp
/// with the body lets receivers reject replays (a captured delivery re-sent later fails the age check) and
/// tampering (any changed byte fails the MAC). The same scheme as Stripe's, so existing verifiers fit.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-AtsParser-Signature";

    public static string Sign(string secret, long timestamp, string body) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Mac(secret, timestamp, body)}";

    static string Mac(string secret, long timestamp, string body) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));

    /// <summary>What a receiver does: check the MAC in constant time, then the age against its tolerance.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? t = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) t = ts;
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) candidates.Add(part[3..]);
        }
        if (t is null || candidates.Count == 0) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - t.Value) > tolerance.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Mac(secret, t.Value, body));
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c), expected));
    }
}
