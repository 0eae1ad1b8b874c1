using System.IO.Compression;
using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class SafeZipTests
{
    const long Mib = 1024 * 1024;

    static byte[] Zip(string entry, byte[] content)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry(entry, CompressionLevel.Optimal).Open())
            s.Write(content);
        return ms.ToArray();
    }

    // Rewrites the uncompressed size in the local header and the central directory: the archive now lies.
    static byte[] DeclareSize(byte[] zip, uint size)
    {
        var b = (byte[])zip.Clone();
        BitConverter.GetBytes(size).CopyTo(b, 22);
        var central = b.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.GetBytes(size).CopyTo(b, central + 24);
        return b;
    }

    static byte[] XmlOfSize(long bytes) => Encoding.ASCII.GetBytes("<a>" + new string(' ', (int)bytes) + "</a>");

    [Fact]
    public void An_archive_declaring_more_than_the_cap_is_refused_as_too_large()
    {
        var bomb = Zip("content.xml", XmlOfSize(20 * Mib));

        var act = () => new SafeZip(bomb, maxUncompressed: 10 * Mib, maxRatio: 200);

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.FileTooLarge);
    }

    [Fact]
    public void A_part_with_an_extreme_compression_ratio_is_refused_as_too_large()
    {
        using var zip = new SafeZip(Zip("content.xml", XmlOfSize(20 * Mib)), maxUncompressed: 100 * Mib, maxRatio: 200);

        var act = () => zip.OpenXml("content.xml");

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.FileTooLarge);
    }

    [Fact]
    public void A_part_that_inflates_beyond_its_declared_size_is_stopped_while_inflating()
    {
        var liar = DeclareSize(Zip("content.xml", XmlOfSize(8 * Mib)), 1000);
        using var zip = new SafeZip(liar, maxUncompressed: 100 * Mib, maxRatio: 200);

        var act = () => SafeZip.Guard(() => { using var r = zip.OpenXml("content.xml"); while (r.Read()) { } return 0; });

        act.Should().Throw<DocumentException>().Which.Code.Should().BeOneOf(ErrorCodes.CorruptDocument, ErrorCodes.FileTooLarge);
    }

    [Theory]
    [InlineData("hostile/generated/xxe_file_etc_passwd.docx")]
    [InlineData("hostile/generated/xxe_ssrf_metadata.docx")]
    [InlineData("hostile/generated/xxe_parameter_entity.docx")]
    [InlineData("hostile/generated/billion_laughs.docx")]
    public async Task A_docx_with_a_dtd_is_refused_and_stops_the_chain(string file)
    {
        var extractor = new OpenXmlExtractor(Options.Create(new ExtractionOptions()));
        var input = new ExtractionInput(File.ReadAllBytes(Corpus.PathOf(file)), new SniffResult(DocumentFormat.Docx, "test"));

        var act = () => extractor.ExtractAsync(input, CancellationToken.None);

        var e = (await act.Should().ThrowAsync<DocumentException>()).Which;
        e.Code.Should().Be(ErrorCodes.CorruptDocument);
        e.StopsChain.Should().BeTrue();
        e.Detail.Should().NotContain("root:");
    }

    [Fact]
    public async Task Zip_slip_entries_are_never_written_to_disk()
    {
        var extractor = new OpenXmlExtractor(Options.Create(new ExtractionOptions()));
        var input = new ExtractionInput(File.ReadAllBytes(Corpus.PathOf("hostile/generated/docx_zipslip.docx")), new SniffResult(DocumentFormat.Docx, "test"));

        var output = await extractor.ExtractAsync(input, CancellationToken.None);

        output.Text.Should().Contain("Jane Slip");
        File.Exists("/tmp/zipslip_pwned.txt").Should().BeFalse();
        File.Exists("/etc/zipslip_abs.txt").Should().BeFalse();
    }
}
