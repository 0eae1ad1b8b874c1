using System.IO.Compression;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class PdfStreamsTests
{
    static byte[] PdfWithFlateStream(int inflatedBytes)
    {
        var z = new MemoryStream();
        using (var zlib = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(new byte[inflatedBytes]);
        var head = "%PDF-1.4\n1 0 obj << /Length 0 /Filter /FlateDecode >>\nstream\r\n"u8.ToArray();
        var tail = "\nendstream\nendobj\n%%EOF\n"u8.ToArray();
        return [.. head, .. z.ToArray(), .. tail];
    }

    [Fact]
    public void A_stream_that_inflates_beyond_the_budget_is_refused_as_too_large()
    {
        var act = () => PdfStreams.CheckInflatedSize(PdfWithFlateStream(4 * 1024 * 1024), 2 * 1024 * 1024, CancellationToken.None);

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.FileTooLarge);
    }

    [Fact]
    public void A_stream_within_the_budget_passes()
    {
        var act = () => PdfStreams.CheckInflatedSize(PdfWithFlateStream(1024 * 1024), 2 * 1024 * 1024, CancellationToken.None);

        act.Should().NotThrow();
    }

    [Fact]
    public void No_zlib_stream_inflates_by_more_than_the_ratio_that_lets_small_pdfs_skip_the_check()
    {
        // Zeros at the strongest level are deflate's best case; a PDF skips the inflate check on this bound.
        var inflated = 64 * 1024 * 1024;
        var z = new MemoryStream();
        using (var zlib = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[inflated]);

        ((double)inflated / z.Length).Should().BeLessThanOrEqualTo(PdfStreams.MaxDeflateRatio);
    }

    [Fact]
    public void A_pdf_big_enough_to_hold_a_bomb_beyond_the_budget_is_still_inflated_and_refused()
    {
        // 8 MiB of zeros deflate to ~8 KiB: 8 KiB x 1032 is past a 4 MiB budget, so the check runs and refuses it.
        var pdf = PdfWithFlateStream(8 * 1024 * 1024);

        var act = () => PdfStreams.CheckInflatedSize(pdf, 4 * 1024 * 1024, CancellationToken.None);

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.FileTooLarge);
    }

    [Fact]
    public void The_generated_one_gigabyte_flate_bomb_is_refused()
    {
        var bomb = File.ReadAllBytes(Corpus.PathOf("hostile/generated/pdf_flate_bomb_1GiB.pdf"));

        var act = () => PdfStreams.CheckInflatedSize(bomb, 256L * 1024 * 1024, CancellationToken.None);

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.FileTooLarge);
    }

    public static TheoryData<string> CorpusPdfs()
    {
        var data = new TheoryData<string>();
        foreach (var row in Corpus.Manifest().Where(r => r["file"].StartsWith("pdf/", StringComparison.Ordinal))) data.Add(row["file"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusPdfs))]
    public void Real_resume_pdfs_stay_far_below_the_default_budget(string file)
    {
        var act = () => PdfStreams.CheckInflatedSize(File.ReadAllBytes(Corpus.PathOf(file)), 64L * 1024 * 1024, CancellationToken.None);

        act.Should().NotThrow();
    }

    [Fact]
    public void Junk_after_the_last_eof_marker_is_cut_off_when_it_is_longer_than_popplers_look_back()
    {
        var pdf = PdfWithFlateStream(1000);
        var junk = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(junk);

        PdfStreams.WithoutTrailingJunk([.. pdf, .. junk]).Length.Should().Be(pdf.Length - 1, "the cut ends right after %%EOF, before its newline");
        PdfStreams.WithoutTrailingJunk(pdf).Length.Should().Be(pdf.Length, "a short tail after %%EOF is left alone");
    }
}
