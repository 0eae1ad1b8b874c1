using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace AtsParser.Core.Documents;

/// <summary>
/// Detects the real format from the bytes. The file name and Content-Type are hints only: they are used to
/// break no ties today, but are kept in the signature so callers never need to trust them.
/// Throws <see cref="DocumentException"/> for empty, encrypted, corrupt or unsupported input.
/// </summary>
public static partial class FormatSniffer
{
    const int SniffChars = 256 * 1024;
    static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];

    public static SniffResult Sniff(ReadOnlySpan<byte> bytes, string? fileName = null, string? contentType = null)
    {
        if (bytes.Length == 0) throw new DocumentException(ErrorCodes.EmptyFile);

        // Readers accept "%PDF-" anywhere in the first KiB.
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0) return new(DocumentFormat.Pdf, "pdf header");
        if (bytes.StartsWith(Ole2)) return SniffOle2(bytes);
        if (bytes.StartsWith(Zip) || bytes.StartsWith(EmptyZip)) return SniffZip(bytes);
        if (bytes.StartsWith("{\\rtf"u8))
        {
            RtfStructure.Check(bytes);
            return new(DocumentFormat.Rtf, "rtf header");
        }

        var image = ImageKind(bytes);
        if (image is not null) return new(DocumentFormat.Image, image + " signature") { ImageKind = image };

        if (bytes.StartsWith("\x7fELF"u8) || bytes.StartsWith("MZ"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ||
            bytes.StartsWith("Rar!"u8) || bytes.StartsWith("7z"u8))
            throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is an executable or archive, not a document.");

        // Text-like content: decide between HTML, other markup (rejected) and plain text, on the first SniffChars characters.
        var decoded = TextDecoder.TryDecode(bytes, SniffChars);
        if (decoded is null)
            throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is binary data in no supported document format.");
        var start = decoded.Text.AsSpan(0, Math.Min(decoded.Text.Length, 2048)).TrimStart();
        if (LooksLikeHtml(start)) return new(DocumentFormat.Html, "html markup");
        // PDF syntax without a %PDF header (a damaged or cut PDF) must not be "parsed" as a text resume.
        if (PdfSyntax().IsMatch(decoded.Text.AsSpan(0, Math.Min(decoded.Text.Length, 4096))))
            throw new DocumentException(ErrorCodes.CorruptDocument, "The file contains PDF syntax but no PDF header: it is a damaged PDF. Re-export it from the original application and upload it again.");
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is an XML document, not a resume format. Send PDF, DOCX, DOC, RTF, ODT, TXT, HTML or an image.");
        return new(DocumentFormat.Txt, "text (" + decoded.EncodingName + ")");
    }

    static bool LooksLikeHtml(ReadOnlySpan<char> start)
    {
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return true;
        if (start.Length == 0 || start[0] != '<') return false;
        return start.Contains("<body", StringComparison.OrdinalIgnoreCase) || start.Contains("<head", StringComparison.OrdinalIgnoreCase)
               || start.Contains("<p>", StringComparison.OrdinalIgnoreCase) || start.Contains("<div", StringComparison.OrdinalIgnoreCase);
    }

    // OLE2 directory entries store stream names as UTF-16LE; the names tell a Word file from an encrypted
    // OOXML package (Office puts those inside OLE too) and from other OLE files (xls, msg, ...).
    static SniffResult SniffOle2(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0)
            throw new DocumentException(ErrorCodes.EncryptedDocument);
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
            return new(DocumentFormat.Doc, "ole2 WordDocument stream");
        if (Ole2Truncated(bytes) || bytes.IndexOf(Encoding.Unicode.GetBytes("Root Entry")) < 0)
            throw new DocumentException(ErrorCodes.CorruptDocument, "The file has an OLE2 (Word 97-2003) header but its directory is missing or cut off. Re-save it and upload it again.");
        throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is an OLE2 container without a Word document (e.g. Excel or Outlook). Send the resume as DOC, DOCX or PDF.");
    }

    // The header names the sectors of the directory and of the allocation table; a cut file lacks them.
    static bool Ole2Truncated(ReadOnlySpan<byte> b)
    {
        if (b.Length < 512) return true;
        int shift = BinaryPrimitives.ReadUInt16LittleEndian(b[30..]);
        if (shift is not (9 or 12)) return true;
        long sectorSize = 1L << shift, length = b.Length;
        bool Beyond(int sector) => sector >= 0 && (sector + 2L) * sectorSize > length;
        if (Beyond(BinaryPrimitives.ReadInt32LittleEndian(b[48..]))) return true;
        var fatSectors = Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(b[44..]), 109u);
        for (int i = 0; i < fatSectors; i++)
            if (Beyond(BinaryPrimitives.ReadInt32LittleEndian(b[(76 + 4 * i)..]))) return true;
        return false;
    }

    static SniffResult SniffZip(ReadOnlySpan<byte> bytes)
    {
        // General-purpose flag bit 0 of the first local header: ZipCrypto/AES encrypted entries.
        if (bytes.Length > 8 && (bytes[6] & 1) == 1) throw new DocumentException(ErrorCodes.EncryptedDocument);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("word/document.xml")) return new(DocumentFormat.Docx, "ooxml word/document.xml");
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null && mimetype.Length < 200)
            {
                using var r = new StreamReader(mimetype.Open());
                var mt = r.ReadToEnd().Trim();
                if (mt == "application/vnd.oasis.opendocument.text") return new(DocumentFormat.Odt, "odf mimetype");
                throw new DocumentException(ErrorCodes.UnsupportedFormat, $"The file is an OpenDocument '{Sanitize(mt)}' file, not a text document. Send ODT, DOCX or PDF.");
            }
            if (names.Contains("[Content_Types].xml"))
                throw new DocumentException(ErrorCodes.CorruptDocument, "The file is an Office package without a Word document part (word/document.xml). Re-save it from Word and upload it again.");
            throw new DocumentException(ErrorCodes.UnsupportedFormat, "The file is a ZIP archive, not a document. Upload the resume itself (or use the jobs API for ZIP batches).");
        }
        catch (InvalidDataException e)
        {
            throw new DocumentException(ErrorCodes.CorruptDocument, "The file looks like a ZIP-based document (DOCX/ODT) but its archive is damaged. Re-save it and upload it again.", e);
        }
    }

    static string Sanitize(string s) => new(s.Where(c => !char.IsControl(c)).Take(80).ToArray());

    public static string? ImageKind(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "png";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "jpeg";
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return "tiff";
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return "gif";
        if (b.Length > 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "webp";
        if (b.Length > 26 && b.StartsWith("BM"u8) && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0) return "bmp";
        return null;
    }

    [GeneratedRegex(@"(^|\s)\d+\s+\d+\s+obj\s*<<|startxref\s+\d|%%EOF")]
    private static partial Regex PdfSyntax();
}
