using System.Text.Json;
using System.Text.RegularExpressions;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

public sealed class CorpusHost : ExtractionHost;

[Collection(ExtractionCollection.Name)]
public partial class CorpusExtractionTests(CorpusHost host) : IClassFixture<CorpusHost>
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in Corpus.Manifest()) data.Add(row["file"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Every_corpus_document_extracts_and_its_text_holds_the_candidates_email_or_phone(string file)
    {
        var reply = await host.ParseAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(Corpus.PathOf(file)));

        reply.Status.Should().Be(200, reply.Body);
        reply.Document.GetProperty("format").GetString().Should().Be(file.Split('/')[0]);
        var truth = Corpus.PathOf($"truth/{Path.GetFileName(file)}.json");
        if (!File.Exists(truth)) return;
        var key = JsonDocument.Parse(await File.ReadAllTextAsync(truth)).RootElement;
        var emails = key.GetProperty("emails").EnumerateArray().Select(e => e.GetString()!).ToList();
        var phones = key.GetProperty("phones").EnumerateArray().Select(p => Digits(p.GetString()!)).ToList();
        if (emails.Count + phones.Count == 0) return;
        var text = reply.Text;
        var phoneDigits = PhoneLike().Matches(text).Select(m => Digits(m.Value)).ToList();
        var found = emails.Any(e => text.Contains(e, StringComparison.OrdinalIgnoreCase))
                    || phones.Any(p => phoneDigits.Any(d => d.Contains(p, StringComparison.Ordinal)));
        found.Should().BeTrue($"the text of {file} should contain one of {string.Join(", ", emails)} or phone digits {string.Join(", ", phones)}");
    }

    [Fact]
    public async Task A_word_97_file_with_text_boxes_is_read_in_process_without_antiword_or_libreoffice()
    {
        var reply = await host.ParseAsync("klair.doc", await File.ReadAllBytesAsync(Corpus.PathOf("doc/klair_resume.doc")));

        reply.Status.Should().Be(200, reply.Body);
        reply.ExtractedBy.Should().Be("word");
        reply.Extraction.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("tool").GetString()).Should().Equal("word");
        reply.Text.Should().Contain("kishanmadhesiya@gmail.com").And.Contain("DECLARATION");
        reply.Resume.GetProperty("candidate").GetProperty("emails")[0].GetString().Should().Be("kishanmadhesiya@gmail.com");
    }

    [Fact]
    public async Task Quartz_pdf_text_has_no_tab_cr_nbsp_junk_and_plain_hyphens()
    {
        var reply = await host.ParseAsync("laverne.pdf", await File.ReadAllBytesAsync(Corpus.PathOf("pdf/openresume_laverne-resume.pdf")));

        reply.Text.Should().Contain("Leo Leopard").And.Contain("(909) 555-5555").And.Contain("on-campus");
        reply.Text.Should().NotContainAny("\t", "\r", "\u00A0", "\u00AD", "\u2010");
    }

    [Fact]
    public async Task Latex_soft_hyphen_dashes_come_out_as_ascii_hyphens()
    {
        var reply = await host.ParseAsync("awesomecv.pdf", await File.ReadAllBytesAsync(Corpus.PathOf("pdf/awesomecv_resume.pdf")));

        reply.Text.Should().Contain("10-9030-1843").And.NotContain("\u00AD");
    }

    [Fact]
    public async Task A_scanned_pdf_without_a_text_layer_is_read_by_ocr()
    {
        var reply = await host.ParseAsync("scan.pdf", await File.ReadAllBytesAsync(Corpus.PathOf("pdf/gen_scan_soupboss_01-Accountant.pdf")));

        reply.Status.Should().Be(200);
        reply.OcrUsed.Should().BeTrue();
        reply.ExtractedBy.Should().Be("pdfwords+ocr"); // the text layer from the warm worker (PDF_ENABLE_WORKER), then OCR
        reply.Extraction.GetProperty("ocrPages").GetInt32().Should().Be(2);
    }

    [Theory]
    [InlineData("image/deedy_sample-image.png")]
    [InlineData("image/rm_template_modern-two-column.jpg")]
    public async Task An_image_is_read_by_tesseract(string file)
    {
        var reply = await host.ParseAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(Corpus.PathOf(file)));

        reply.OcrUsed.Should().BeTrue();
        reply.ExtractedBy.Should().Be("tesseract");
    }

    static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"\+?\(?\d[\d\s().\-\u2010\u2013]{5,}\d")]
    private static partial Regex PhoneLike();
}

[CollectionDefinition(Name)]
public sealed class ExtractionCollection
{
    // The extraction classes saturate the CPU with OCR and LibreOffice: running them one after another is no slower.
    public const string Name = "Extraction (native tools)";
}
