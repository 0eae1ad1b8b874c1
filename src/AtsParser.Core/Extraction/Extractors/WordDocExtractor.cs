using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Word 97-2003 text in-process (<see cref="WordDocReader"/>): well under a millisecond where antiword is a process
/// and a file with text boxes needed LibreOffice (hundreds of milliseconds warm, seconds cold). Whatever it cannot
/// read goes on down the chain to antiword and LibreOffice. DOC_ENABLE_WORD_READER=false leaves it out of the chain.
/// </summary>
public sealed class WordDocExtractor(IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "word";
    public IReadOnlyList<string> Tools { get; } = [];

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var r = WordDocReader.Read(input.Bytes, options.Value.MaxExtractedChars, ct);
        return Task.FromResult(new ExtractorOutput(r.Text) { Links = LinkTargets.FromPairs(r.Links) });
    }
}
