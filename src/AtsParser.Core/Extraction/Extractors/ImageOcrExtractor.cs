using System.Buffers.Binary;
using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>Tesseract on an uploaded image, after checking the declared pixel size (decompression bombs).</summary>
public sealed class ImageOcrExtractor(OcrEngine ocr, IOptions<ExtractionOptions> options) : IExtractor
{
    public string Name => "tesseract";
    public IReadOnlyList<string> Tools { get; } = ["tesseract"];

    public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        var kind = input.Sniff.ImageKind ?? "png";
        var dims = ImageHeader.Dimensions(input.Bytes, kind);
        if (dims is { } d && (d.Width <= 0 || d.Height <= 0 || (long)d.Width * d.Height > options.Value.MaxImagePixels))
            throw new DocumentException(ErrorCodes.FileTooLarge,
                $"The image declares {d.Width}x{d.Height} pixels; the limit is {options.Value.MaxImagePixels:N0} pixels. Scan at 200-300 dpi and upload again.");
        using var tmp = new TempDir(options.Value.TempDirectory, "img");
        // One file for tesseract: the enlarged page when the image is small and decodes whole, else the upload as it is.
        var enlarged = dims is { } size && OcrUpscale.Factor(size.Width, size.Height, options.Value) is > 1 and var factor
            ? OcrUpscale.Enlarge(input.Bytes, factor) : null;
        var path = enlarged is not null
            ? await tmp.WriteFileAsync("enlarged.png", enlarged, ct)
            : await tmp.WriteFileAsync("input." + kind, input.Bytes, ct);
        string text;
        try { text = await ocr.OcrImageAsync(path, ct); }
        catch (ToolFailedException e) when (e.Message.Contains("pixRead", StringComparison.Ordinal))
        {
            // Leptonica could not decode the pixels (a truncated or damaged image): the file, not the tool, is at fault.
            throw new DocumentException(ErrorCodes.CorruptDocument, "The image could not be decoded (it is truncated or damaged). Export it again and upload it.", e);
        }
        return new ExtractorOutput(text) { Pages = 1, OcrUsed = true, OcrPages = 1 };
    }
}

/// <summary>Reads width and height from image headers without decoding pixels.</summary>
public static class ImageHeader
{
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> b, string kind)
    {
        switch (kind)
        {
            case "png" when b.Length >= 24:
                return ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[20..]), int.MaxValue));
            case "gif" when b.Length >= 10:
                return (BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
            case "bmp" when b.Length >= 26:
                return (Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b[18..])), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b[22..])));
            case "jpeg":
                return Jpeg(b);
            default:
                return null;
        }
    }

    static (int, int)? Jpeg(ReadOnlySpan<byte> b)
    {
        int i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) { i++; continue; }
            byte marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; }
            int len = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            i += 2 + len;
        }
        return null;
    }
}
