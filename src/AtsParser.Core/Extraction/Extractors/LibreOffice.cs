using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Headless LibreOffice conversions: through a warm listener of the pool when one is ready (~40 ms), otherwise
/// cold. Every cold call gets its own -env:UserInstallation profile: two soffice processes sharing a profile
/// make the second exit 1 silently, writing nothing.
/// </summary>
public sealed class LibreOfficeConverter(ToolRegistry tools, LibreOfficePool pool, IOptions<ExtractionOptions> options)
{
    public string TempRoot => options.Value.TempDirectory;

    /// <summary>Converts the input to `filter` (e.g. "txt:Text (encoded):UTF8" or "pdf") and returns the output path inside `tmp`.</summary>
    public async Task<string> ConvertAsync(ExtractionInput input, string filter, string outExt, TempDir tmp, CancellationToken ct)
    {
        var inExt = input.Format switch
        {
            DocumentFormat.Doc => "doc", DocumentFormat.Docx => "docx", DocumentFormat.Odt => "odt",
            DocumentFormat.Rtf => "rtf", DocumentFormat.Html => "html", _ => "bin",
        };
        var inPath = await tmp.WriteFileAsync("input." + inExt, input.Bytes, ct);
        var outDir = Directory.CreateDirectory(tmp.File("out")).FullName;
        var outPath = Path.Combine(outDir, "input." + outExt);
        if (await pool.TryConvertAsync(inPath, outPath, filter, ct))
        {
            if (!File.Exists(outPath)) throw new ToolFailedException("soffice", "LibreOffice wrote no output");
            return outPath;
        }
        return await ConvertColdAsync(inPath, outDir, filter, outPath, tmp, ct);
    }

    /// <summary>One soffice process for this document (the pool is off, warming up or unavailable).</summary>
    async Task<string> ConvertColdAsync(string inPath, string outDir, string filter, string outPath, TempDir tmp, CancellationToken ct)
    {
        var profile = new Uri(tmp.File("profile")).AbsoluteUri;
        using var slot = await tools.AcquireAsync("soffice", ct);
        ProcessResult r;
        try
        {
            r = await ProcessRunner.RunAsync(ToolCommands.SofficeConvert(tools.PathOf("soffice"), profile, filter, outDir, inPath, tmp.Path, options.Value), ct);
        }
        finally
        {
            // A soffice killed on timeout or cancel leaves its IPC socket file in /tmp.
            LibreOfficePipes.Remove(profile);
        }
        // soffice exits 0 even when it could not load the document, so the output file is the verdict.
        if (!File.Exists(outPath))
            throw new ToolFailedException("soffice", $"LibreOffice wrote no output (exit {r.ExitCode}): {OcrEngine.Tail(r.Stderr + r.StdoutText)}", r.ExitCode);
        return outPath;
    }
}

public sealed class LibreOfficeTextExtractor(LibreOfficeConverter converter) : IExtractor
{
    public string Name => "libreoffice";
    public IReadOnlyList<string> Tools { get; } = ["soffice"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        using var tmp = new TempDir(converter.TempRoot, "soffice");
        var path = await converter.ConvertAsync(input, "txt:Text (encoded):UTF8", "txt", tmp, ct);
        return new ExtractorOutput(await File.ReadAllTextAsync(path, ct));
    }
}

/// <summary>Last resort for Word files whose text streams are unreadable: render with LibreOffice, then OCR the pages.</summary>
public sealed class LibreOfficeOcrExtractor(LibreOfficeConverter converter, PdfOcrExtractor ocr) : IExtractor
{
    public string Name => "libreoffice+ocr";
    public IReadOnlyList<string> Tools { get; } = ["soffice", "pdfinfo", "pdftoppm", "tesseract"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        using var tmp = new TempDir(converter.TempRoot, "soffice-ocr");
        var pdf = await converter.ConvertAsync(input, "pdf", "pdf", tmp, ct);
        return await ocr.OcrPdfFileAsync(pdf, tmp.Path, ct);
    }
}
