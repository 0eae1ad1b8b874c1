namespace AtsParser.Core.Documents;

public sealed record SniffResult(DocumentFormat Format, string Detail)
{
    /// <summary>For images: "png", "jpeg", "tiff", "bmp", "gif", "webp".</summary>
    public string? ImageKind { get; init; }
}
