using System.IO.Compression;
using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// A decompression-bomb check for PDFs, before poppler sees them: poppler has no inflate cap and spends tens of
/// seconds lexing a content stream that inflates to a gigabyte of whitespace. Every zlib stream is inflated here,
/// counting bytes and keeping none, until the document's budget is spent. Resumes inflate to a few megabytes.
/// </summary>
public static class PdfStreams
{
    /// <summary>Deflate's largest possible expansion: a 258-byte match coded in 2 bits (zlib's documentation).</summary>
    public const int MaxDeflateRatio = 1032;

    public static void CheckInflatedSize(byte[] pdf, long maxInflatedBytes, CancellationToken ct)
    {
        // All its streams together cannot inflate past the budget when the whole file could not: with the default
        // 256 MiB, a PDF under ~254 KiB (nearly every resume) needs no inflating here. It cost 0.3-3.5 ms of CPU
        // a PDF, inflating what poppler inflates again anyway.
        if (pdf.LongLength * MaxDeflateRatio <= maxInflatedBytes) return;
        var span = pdf.AsSpan();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int i = 0;
        while (true)
        {
            int k = span[i..].IndexOf("stream"u8);
            if (k < 0) return;
            int start = i + k + 6;
            i = start;
            if (i - 9 >= 0 && span[(i - 9)..(i - 6)].SequenceEqual("end"u8)) continue;
            if (start < span.Length && span[start] == '\r') start++;
            if (start < span.Length && span[start] == '\n') start++;
            if (!IsZlibHeader(span[start..])) continue;
            ct.ThrowIfCancellationRequested();
            using var z = new ZLibStream(new MemoryStream(pdf, start, pdf.Length - start, writable: false), CompressionMode.Decompress);
            try
            {
                int n;
                while ((n = z.Read(buffer)) > 0)
                {
                    total += n;
                    if (total > maxInflatedBytes)
                        throw new DocumentException(ErrorCodes.FileTooLarge,
                            $"The PDF's compressed streams expand to more than {maxInflatedBytes / (1024 * 1024)} MiB (a decompression bomb).");
                }
            }
            catch (InvalidDataException)
            {
                // A damaged stream is poppler's to judge; only its size matters here.
            }
        }
    }

    /// <summary>
    /// Drops bytes after the last %%EOF when there are more than poppler's 1 KiB look-back: a PDF with junk appended
    /// (a mail gateway's trailer, a botched upload) otherwise loses its startxref and reads as damaged.
    /// </summary>
    public static ReadOnlyMemory<byte> WithoutTrailingJunk(byte[] pdf)
    {
        int eof = pdf.AsSpan().LastIndexOf("%%EOF"u8);
        if (eof < 0) return pdf;
        int end = eof + 5;
        return pdf.Length - end > 1024 ? pdf.AsMemory(0, end) : pdf;
    }

    // RFC 1950: deflate method, 32 KiB window at most, and a header checksum divisible by 31.
    static bool IsZlibHeader(ReadOnlySpan<byte> b) =>
        b.Length >= 2 && (b[0] & 0x0F) == 8 && (b[0] >> 4) <= 7 && ((b[0] << 8) | b[1]) % 31 == 0;
}
