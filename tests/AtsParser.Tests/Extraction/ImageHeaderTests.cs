using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class ImageHeaderTests
{
    [Theory]
    [InlineData("image/deedy_sample-image.png", "png", 587, 736)]
    [InlineData("image/awesomecv_resume-0.png", "png", 2480, 3508)]
    [InlineData("image/rm_template_modern-two-column.jpg", "jpeg", 1242, 1756)]
    [InlineData("hostile/generated/png_bomb_40000x40000.png", "png", 40000, 40000)]
    [InlineData("hostile/generated/jpeg_claims_65000x65000.jpg", "jpeg", 65000, 65000)]
    public void Dimensions_are_read_from_the_header_without_decoding_pixels(string file, string kind, int width, int height)
    {
        ImageHeader.Dimensions(File.ReadAllBytes(Corpus.PathOf(file)), kind).Should().Be((width, height));
    }

    [Fact]
    public void Gif_and_bmp_headers_give_their_dimensions()
    {
        byte[] gif = [.. "GIF89a"u8, 0x20, 0x03, 0x58, 0x02, 0, 0, 0];
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BitConverter.GetBytes(1200).CopyTo(bmp, 18);
        BitConverter.GetBytes(-1600).CopyTo(bmp, 22); // negative height: a top-down bitmap

        ImageHeader.Dimensions(gif, "gif").Should().Be((800, 600));
        ImageHeader.Dimensions(bmp, "bmp").Should().Be((1200, 1600));
    }

    [Fact]
    public void A_jpeg_without_a_frame_header_has_no_known_size()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

        ImageHeader.Dimensions(jpeg, "jpeg").Should().BeNull();
    }
}
