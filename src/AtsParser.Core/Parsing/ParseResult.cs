using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;

namespace AtsParser.Core.Parsing;

public sealed record DocumentInfo(string Sha256, string FileName, DocumentFormat Format, long Bytes, int? Pages);

/// <summary>The /api/v1/parse response. Later features add properties; existing ones never change.</summary>
public sealed record ParseResult
{
    /// <summary>Set when the result is stored (?store=true, or read from storage).</summary>
    public Guid? Id { get; init; }
    /// <summary>"deferred" while a stored result waits in the write-behind outbox (the database was unreachable); left out once it is in the database.</summary>
    public string? Storage { get; init; }
    public required DocumentInfo Document { get; init; }
    public required ExtractionResult Extraction { get; init; }
    public required Dictionary<string, long> TimingsMs { get; init; }
    /// <summary>The structured resume (schema v1).</summary>
    public Resume? Resume { get; init; }
    /// <summary>?format=jsonresume: the resume as JSON Resume (then `resume` is left out).</summary>
    public Parsing.Output.JsonResumeDocument? JsonResume { get; init; }
    /// <summary>?redact=true: every masked span, by path and kind.</summary>
    public List<Parsing.Output.Redaction>? Redactions { get; init; }
}

public sealed record ParseRequestOptions
{
    public bool IncludeText { get; init; }
    /// <summary>The date that resolves "Present"; defaults to today (UTC).</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
}
