using System.Buffers.Binary;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>The word boxes and the URI link annotations (not yet filtered: <see cref="PdfWordBoxes.KeepLinks"/>) of one PDF.</summary>
public sealed record PdfWordsContent(List<PdfPage> Pages, List<PdfLinkAnnotation> Links);

/// <summary>
/// Reads the pdfwords worker's compact reply (protocol 2, described in native/pdfwords/pdfwords.cc): tagged records
/// with raw doubles and UTF-8 text, into what <see cref="PdfWordBoxes.Parse"/> makes of the same PDF's XHTML. The
/// worker sends each number already as reading back pdftotext's "%f" gives it, so no number is parsed here; the
/// XHTML reader's two quirks on numbers are kept: it reads an infinite value's "inf" as no number (0), and "nan" as NaN.
/// </summary>
public static class PdfWordsReply
{
    static ReadOnlySpan<byte> Magic => "\0PW2"u8;

    public static bool IsCompact(ReadOnlySpan<byte> body) => body.StartsWith(Magic);

    /// <summary>Null when the reply is malformed (cut short, an unknown record, a record out of place).</summary>
    public static PdfWordsContent? Read(ReadOnlySpan<byte> body)
    {
        var pages = new List<PdfPage>();
        var links = new List<PdfLinkAnnotation>();
        PdfFlow? flow = null;
        PdfBlock? block = null;
        PdfLine? line = null;
        int i = Magic.Length;
        while (i < body.Length)
        {
            byte tag = body[i++];
            switch (tag)
            {
                case (byte)'P' when i + 16 <= body.Length:
                    pages.Add(new PdfPage(Number(body, i), Number(body, i + 8), []));
                    i += 16;
                    flow = null; block = null; line = null;
                    break;
                case (byte)'F' when pages.Count > 0:
                    flow = new PdfFlow([]);
                    pages[^1].Flows.Add(flow);
                    block = null; line = null;
                    break;
                case (byte)'B' when flow is not null && BoxAt(body, i, out var box):
                    block = new PdfBlock(box, []);
                    flow.Blocks.Add(block);
                    line = null;
                    i += 32;
                    break;
                case (byte)'L' when block is not null && BoxAt(body, i, out var box):
                    line = new PdfLine(box, []);
                    block.Lines.Add(line);
                    i += 32;
                    break;
                case (byte)'W' when line is not null && BoxAt(body, i, out var box) && TextAt(body, i + 32, out var text, out var next):
                    line.Words.Add(new PdfWord(box, text));
                    i = next;
                    break;
                case (byte)'K' when i + 4 <= body.Length && BoxAt(body, i + 4, out var box) && TextAt(body, i + 36, out var uri, out var next):
                    links.Add(new PdfLinkAnnotation(BinaryPrimitives.ReadInt32LittleEndian(body[i..]), uri.Trim(), box));
                    i = next;
                    break;
                case (byte)'E' when i == body.Length:
                    PdfWordBoxes.DropEmpty(pages);
                    return new PdfWordsContent(pages, links);
                default:
                    return null;
            }
        }
        return null;
    }

    static double Number(ReadOnlySpan<byte> body, int at)
    {
        double v = BinaryPrimitives.ReadDoubleLittleEndian(body[at..]);
        return double.IsInfinity(v) ? 0 : double.IsNaN(v) ? double.NaN : v;
    }

    static bool BoxAt(ReadOnlySpan<byte> body, int at, out Box box)
    {
        box = default;
        if (at + 32 > body.Length) return false;
        box = new Box(Number(body, at), Number(body, at + 8), Number(body, at + 16), Number(body, at + 24));
        return true;
    }

    static bool TextAt(ReadOnlySpan<byte> body, int at, out string text, out int next)
    {
        text = "";
        next = 0;
        if (at + 4 > body.Length) return false;
        int n = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        if (n < 0 || n > body.Length - at - 4) return false;
        text = Encoding.UTF8.GetString(body.Slice(at + 4, n));
        next = at + 4 + n;
        return true;
    }
}
