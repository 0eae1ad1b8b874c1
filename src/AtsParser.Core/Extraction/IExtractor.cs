using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction;

public sealed record ExtractionInput(byte[] Bytes, SniffResult Sniff)
{
    public DocumentFormat Format => Sniff.Format;
}

public sealed record ExtractorOutput(string Text)
{
    public int? Pages { get; init; }
    public bool OcrUsed { get; init; }
    /// <summary>The extractor stopped reading at ExtractionOptions.ReadCharLimit: the document has more text than this.</summary>
    public bool Truncated { get; init; }
    public int OcrPages { get; init; }
    /// <summary>OCR already ran on every page (up to the OCR page cap): a later OCR extractor would repeat it.</summary>
    public bool OcrCoveredAllPages { get; init; }
    /// <summary>Hyperlink targets with their visible text (a DOCX hyperlink labelled only "LinkedIn" holds the URL).</summary>
    public IReadOnlyList<ExtractedLink> Links { get; init; } = [];
    /// <summary>How the page is laid out (PDF reading order, tables); null where the extractor cannot tell.</summary>
    public ExtractionLayout? Layout { get; init; }
    /// <summary>Title/Subtitle-styled paragraphs and document properties, for the parser to weigh (names).</summary>
    public IReadOnlyList<DocumentHint> Hints { get; init; } = [];
}

public interface IExtractor
{
    /// <summary>Stable name, used in attempts and as the metric label of the winning extractor.</summary>
    string Name { get; }

    /// <summary>Registry names of the native tools this extractor needs; empty for in-process readers.</summary>
    IReadOnlyList<string> Tools { get; }

    Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct);
}

/// <summary>
/// An extractor passes a document on without judging it: a fast first step that is unsure of its reading leaves the
/// verdict (and its error code) to the next extractor. Recorded as a skipped attempt, never as a failure.
/// </summary>
public sealed class ExtractorDeclinedException(string reason) : Exception(reason);
