namespace AtsParser.Core.Parsing;

/// <summary>What a parser gets: the extracted text, link targets the text does not show, and the date that resolves "Present".</summary>
public sealed record ParseInput(string Text, IReadOnlyList<string> Links, DateOnly AsOf)
{
    /// <summary>True when extraction cut the text at MAX_EXTRACTED_CHARS.</summary>
    public bool TextTruncated { get; init; }

    /// <summary>Title/Subtitle-styled paragraphs and document properties from extraction: evidence for the name, never taken as it is.</summary>
    public IReadOnlyList<Extraction.DocumentHint> Hints { get; init; } = [];
}

public interface IResumeParser
{
    /// <summary>"heuristic" or "openai".</summary>
    string Mode { get; }

    Task<Resume> ParseAsync(ParseInput input, CancellationToken ct);
}
