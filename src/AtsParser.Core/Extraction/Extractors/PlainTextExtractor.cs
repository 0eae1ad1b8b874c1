using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

public sealed class PlainTextExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "text";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        // Stops decoding at the cap: a 10 MB text file costs about a megabyte of string, not 20 MB and its cleaned copies.
        var decoded = TextDecoder.TryDecode(input.Bytes, options.Value.ReadCharLimit)
            ?? throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is not readable text in a known encoding. Save it as UTF-8 and upload again.");
        return Task.FromResult(new ExtractorOutput(decoded.Text) { Truncated = decoded.Truncated });
    }
}
