using System.Text.Json.Serialization;

namespace AtsParser.Core.Extraction;

public sealed record ExtractionAttempt(string Tool, string Outcome, long Ms, string? Error);

public static class AttemptOutcome
{
    public const string Success = "success";
    public const string Disabled = "disabled";
    public const string Unavailable = "unavailable";
    public const string Skipped = "skipped";
    public const string TooLittleText = "too_little_text";
    public const string Garbage = "garbage";
    public const string Timeout = "timeout";
    public const string Failed = "failed";
    public const string Corrupt = "corrupt";
}

public sealed record ExtractionResult
{
    public required string ExtractedBy { get; init; }
    public required bool OcrUsed { get; init; }
    public required int Chars { get; init; }
    public required IReadOnlyList<ExtractionAttempt> Attempts { get; init; }
    public int OcrPages { get; init; }
    public bool Truncated { get; init; }
    [JsonIgnore] public int? Pages { get; init; }
    [JsonIgnore] public string FullText { get; init; } = "";
    [JsonIgnore] public IReadOnlyList<string> Links { get; init; } = [];
    /// <summary>Only set when the caller asked for it (?includeText=true).</summary>
    public string? Text { get; init; }
}
