using System.Globalization;
using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>pdfinfo: page count and encryption, before any text is pulled out.</summary>
public sealed class PdfInfo(ToolRegistry tools)
{
    public sealed record Info(int Pages, bool Encrypted);

    public async Task<Info> ReadAsync(string pdfPath, TimeSpan timeout, CancellationToken ct)
    {
        using var slot = await tools.AcquireAsync("pdfinfo", ct);
        var r = await ProcessRunner.RunAsync(ToolCommands.PdfInfo(tools.PathOf("pdfinfo"), pdfPath, timeout), ct);
        var stdout = r.StdoutText;
        if (r.ExitCode != 0)
        {
            if (r.Stderr.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase) || r.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase))
                throw new DocumentException(ErrorCodes.EncryptedDocument);
            throw new DocumentException(ErrorCodes.CorruptDocument, "The PDF could not be opened (damaged structure). Re-export it from the original application and upload it again.");
        }
        int pages = 0; bool encrypted = false;
        foreach (var line in stdout.Split('\n'))
        {
            if (line.StartsWith("Pages:", StringComparison.Ordinal))
                int.TryParse(line[6..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out pages);
            else if (line.StartsWith("Encrypted:", StringComparison.Ordinal))
                encrypted = line[10..].Trim().StartsWith("yes", StringComparison.Ordinal);
        }
        if (pages <= 0)
            throw new DocumentException(ErrorCodes.CorruptDocument, "The PDF has no readable pages. Re-export it from the original application and upload it again.");
        return new Info(pages, encrypted);
    }
}
