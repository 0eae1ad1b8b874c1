using SkiaSharp;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Enlarges a low-resolution image before OCR. A resume page saved as a 600-pixel-wide picture has text lines of
/// 8–10 pixels; tesseract reads them as junk ("deedyeatb.com" for an e-mail) and finds them once the page is
/// enlarged about 3× with a smooth filter. Pages of ordinary scans (over OcrUpscaleBelowPixels on the longer side)
/// are left alone: enlarging them costs OCR time and gains nothing.
/// </summary>
public static class OcrUpscale
{
    const double MaxFactor = 4;

    /// <summary>The factor to enlarge by, or 1 when the image is large enough (or upscaling is off).</summary>
    public static double Factor(int width, int height, ExtractionOptions o)
    {
        int longer = Math.Max(width, height);
        if (o.OcrUpscaleBelowPixels <= 0 || longer <= 0 || longer >= o.OcrUpscaleBelowPixels) return 1;
        return Math.Min(MaxFactor, (double)o.OcrUpscaleTargetPixels / longer);
    }

    /// <summary>An enlarged grayscale PNG of the image, or null when the pixels cannot be decoded (tesseract then
    /// gets the original and gives its own verdict).</summary>
    public static byte[]? Enlarge(byte[] image, double factor)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        if (codec.Info.Width <= 0 || codec.Info.Height <= 0) return null;
        var pixels = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(pixels);
        // A truncated or damaged image decodes only in part (IncompleteInput): tesseract gets the original and
        // reports it as corrupt, instead of OCR of a half-grey enlargement answering 200.
        if (codec.GetPixels(pixels, decoded.GetPixels()) != SKCodecResult.Success) return null;
        var info = new SKImageInfo((int)Math.Round(decoded.Width * factor), (int)Math.Round(decoded.Height * factor), SKColorType.Gray8, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        if (surface is null) return null;
        // Transparent pixels (icons, RGBA exports) read as white paper, not black.
        surface.Canvas.Clear(SKColors.White);
        using var source = SKImage.FromBitmap(decoded);
        surface.Canvas.DrawImage(source, new SKRect(0, 0, info.Width, info.Height), new SKSamplingOptions(SKCubicResampler.CatmullRom));
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png?.ToArray();
    }
}
