using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.Core.Parsing.Evaluation;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace AtsParser.IntegrationTests.Extraction;

/// <summary>
/// A resume saved as a small picture (a page at about 70 dpi, a screenshot) has text lines a few pixels high;
/// real tesseract misreads its contact line until the picture is enlarged. The picture is drawn here, not taken
/// from the corpus.
/// </summary>
public sealed class OcrUpscaleTests(ITestOutputHelper output)
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    static readonly string[] Lines =
    [
        "Jordan Vale",
        "jordan.vale@example.org | 415.555.0134 | jvale.dev",
        "EXPERIENCE",
        "Senior Data Engineer, Northwind Analytics",
        "March 2019 - June 2023, Portland, OR",
        "Built streaming pipelines in Kafka and Spark for billing data.",
        "EDUCATION",
        "B.S. Computer Science, Lakeside State University, 2014",
    ];

    /// <summary>A 560 × 720 page with 9-pixel text, as a PNG.</summary>
    static byte[] SmallPage()
    {
        var font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        File.Exists(font).Should().BeTrue("install-deps installs fonts-dejavu with LibreOffice");
        using var typeface = SKTypeface.FromFile(font);
        using var surface = SKSurface.Create(new SKImageInfo(560, 720));
        surface.Canvas.Clear(SKColors.White);
        using var skFont = new SKFont(typeface, 9);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        float y = 40;
        foreach (var line in Lines)
        {
            surface.Canvas.DrawText(line, 30, y, SKTextAlign.Left, skFont, paint);
            y += 14;
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    async Task<string> OcrAsync(byte[] png, string upscaleBelow)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Extraction:OcrUpscaleBelowPixels"] = upscaleBelow }).Build();
        await using var services = CorpusEvaluation.BuildServices(config);
        var result = await services.GetRequiredService<ChainRunner>().RunAsync(new ExtractionInput(png, FormatSniffer.Sniff(png, "page.png")), _ct);
        output.WriteLine($"--- upscale below {upscaleBelow}:\n{result.FullText}");
        return result.FullText;
    }

    [Fact(Timeout = 240_000)]
    public async Task A_low_resolution_resume_picture_is_enlarged_before_ocr_so_its_contact_line_is_read()
    {
        var png = SmallPage();

        var enlarged = await OcrAsync(png, "1200");
        var asIs = await OcrAsync(png, "0");

        enlarged.Should().Contain("jordan.vale@example.org").And.Contain("415.555.0134").And.Contain("Northwind Analytics");
        asIs.Should().NotContain("jordan.vale@example.org", "at 9-pixel text tesseract misreads the e-mail; if it reads it, this test no longer shows why enlarging matters");
    }

    [Fact]
    public void Only_images_smaller_than_the_threshold_are_enlarged_and_never_more_than_four_times()
    {
        var o = new ExtractionOptions();

        OcrUpscale.Factor(587, 736, o).Should().BeApproximately(2400.0 / 736, 1e-9);
        OcrUpscale.Factor(200, 150, o).Should().Be(4);
        OcrUpscale.Factor(1242, 1756, o).Should().Be(1, "a page at 150 dpi is read as it is");
        OcrUpscale.Factor(2480, 3508, o).Should().Be(1);
        OcrUpscale.Factor(587, 736, new ExtractionOptions { OcrUpscaleBelowPixels = 0 }).Should().Be(1);
    }

    [Fact]
    public void Pixels_that_cannot_be_decoded_are_not_enlarged()
    {
        OcrUpscale.Enlarge("\x89PNG\r\n\x1a\n not really"u8.ToArray(), 3).Should().BeNull();
    }

    [Fact]
    public void A_truncated_image_is_not_enlarged_so_it_is_still_reported_corrupt()
    {
        var png = SmallPage();
        OcrUpscale.Enlarge(png, 2).Should().NotBeNull();

        OcrUpscale.Enlarge(png[..(png.Length / 2)], 2).Should().BeNull("half a PNG decodes only in part");
    }
}
