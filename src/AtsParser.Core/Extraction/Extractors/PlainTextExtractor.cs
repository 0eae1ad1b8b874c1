using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction.Extractors;

public sealed class PlainTextExtractor : IExtractor
{
    public string Name => "text";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var decoded = TextDecoder.TryDecode(input.Bytes)
            ?? throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is not readable text in a known encoding. Save it as UTF-8 and upload again.");
        return Task.FromResult(new ExtractorOutput(decoded.Text));
    }
}
