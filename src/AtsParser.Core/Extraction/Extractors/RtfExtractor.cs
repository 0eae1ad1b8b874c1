using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>In-process RTF text (about a millisecond a resume, where pandoc costs 45+ ms and unrtf garbles non-ASCII).</summary>
public sealed class RtfExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "rtf";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var r = RtfReader.Read(input.Bytes, options.Value.MaxExtractedChars, ct);
        return Task.FromResult(new ExtractorOutput(r.Text) { Links = LinkTargets.FromPairs(r.Links.Select(l => (l.Target, l.Text))), Hints = r.Hints });
    }
}
