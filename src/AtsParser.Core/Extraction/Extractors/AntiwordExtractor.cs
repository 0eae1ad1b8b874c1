using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// antiword -w 0 -m UTF-8.txt: matches LibreOffice word for word on Word 97-2003 files, at ~1 ms, except text boxes,
/// which it never prints: a file whose FIB counts text-box characters goes to LibreOffice (when it is usable).
/// Table rows come out as one line each, cells joined by " | ".
/// </summary>
public sealed class AntiwordExtractor(ToolRegistry tools, IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "antiword";
    public IReadOnlyList<string> Tools { get; } = ["antiword"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        int boxes = WordBinary.TextBoxChars(input.Bytes);
        if (boxes > 0 && tools.IsUsable("soffice"))
            throw new ToolFailedException("antiword", $"The document has {boxes} characters in text boxes, which antiword does not print.");
        using var tmp = new TempDir(options.Value.TempDirectory, "antiword");
        var path = await tmp.WriteFileAsync("input.doc", input.Bytes, ct);
        using var slot = await tools.AcquireAsync("antiword", ct);
        var r = await ProcessRunner.RunAsync(ToolCommands.Antiword(tools.PathOf("antiword"), path, tmp.Path, options.Value), ct);
        if (r.ExitCode != 0) throw new ToolFailedException("antiword", "antiword: " + OcrEngine.Tail(r.Stderr.Replace(path, "input.doc")), r.ExitCode);
        return new ExtractorOutput(WordBinary.TableRowsAsLines(r.StdoutText));
    }
}
