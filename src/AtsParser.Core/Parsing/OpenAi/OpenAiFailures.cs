using System.ClientModel;
using System.Globalization;
using System.Text.Json;

namespace AtsParser.Core.Parsing.OpenAi;

/// <summary>How the OpenAI parser reads a failed call: the error code in the body, and how long a 429 asks to wait.</summary>
public static class OpenAiFailures
{
    public const string ContextLengthExceeded = "context_length_exceeded";

    public static bool IsContextLengthExceeded(ClientResultException e) =>
        e.Status == 400 && (ErrorCode(e) == ContextLengthExceeded || e.Message.Contains(ContextLengthExceeded, StringComparison.Ordinal));

    /// <summary>429, 408, 5xx and network failures (status 0) are worth another try.</summary>
    public static bool IsTransient(ClientResultException e) => e.Status is 0 or 408 or 429 or >= 500;

    /// <summary>`error.code` of an OpenAI-style error body, if there is one.</summary>
    public static string? ErrorCode(ClientResultException e)
    {
        try
        {
            var content = e.GetRawResponse()?.Content;
            if (content is null || content.ToMemory().Length == 0) return null;
            using var doc = JsonDocument.Parse(content.ToMemory());
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>retry-after-ms (OpenAI's own), else Retry-After in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(ClientResultException e, DateTimeOffset now)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msValue) && msValue >= 0)
            return TimeSpan.FromMilliseconds(msValue);
        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
