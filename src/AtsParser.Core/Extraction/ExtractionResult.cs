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
    public ExtractionLayout? Layout { get; init; }
    /// <summary>Icon glyphs removed from the text, with the 0-based line they stood on (an envelope: an e-mail line).</summary>
    public IReadOnlyList<IconHint>? IconHints { get; init; }
    /// <summary>Hyperlink targets found in the document (link annotations, relationships, href), with their visible text.</summary>
    public IReadOnlyList<ExtractedLink> Links { get; init; } = [];
    /// <summary>The targets the parser may use: every link except mailto: targets that name someone else than their text.</summary>
    [JsonIgnore] public IReadOnlyList<string> LinkTargets => Links.Where(l => l.MailtoMismatch != true).Select(l => l.Target).Distinct().ToList();
    /// <summary>Title/Subtitle-styled paragraphs and document properties (author, title): evidence for the name, not output.</summary>
    [JsonIgnore] public IReadOnlyList<DocumentHint> Hints { get; init; } = [];
    /// <summary>Only set when the caller asked for it (?includeText=true).</summary>
    public string? Text { get; init; }
}
