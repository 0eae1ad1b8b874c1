using AtsParser.Core.Documents;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Documents;

public class FormatSnifferTests
{
    // The corpus folder names the format each document really has.
    static readonly Dictionary<string, DocumentFormat> FolderFormats = new()
    {
        ["pdf"] = DocumentFormat.Pdf, ["docx"] = DocumentFormat.Docx, ["doc"] = DocumentFormat.Doc, ["rtf"] = DocumentFormat.Rtf,
        ["odt"] = DocumentFormat.Odt, ["txt"] = DocumentFormat.Txt, ["image"] = DocumentFormat.Image,
    };

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in Corpus.Manifest()) data.Add(row["file"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_document_is_detected_as_the_format_of_its_folder(string file)
    {
        var expected = FolderFormats[file.Split('/')[0]];

        var sniff = FormatSniffer.Sniff(File.ReadAllBytes(Corpus.PathOf(file)), Path.GetFileName(file));

        sniff.Format.Should().Be(expected, $"the manifest says {file} is {Corpus.Manifest().Single(r => r["file"] == file)["format"]}");
    }

    [Theory]
    [InlineData("generated/docx_named.doc", DocumentFormat.Docx)]
    [InlineData("generated/pdf_named.png", DocumentFormat.Pdf)]
    [InlineData("generated/pdf_named.docx", DocumentFormat.Pdf)]
    [InlineData("generated/html_named.doc", DocumentFormat.Html)]
    [InlineData("generated/txt_named.rtf", DocumentFormat.Txt)]
    [InlineData("generated/pdf_header_offset.pdf", DocumentFormat.Pdf)]
    [InlineData("generated/resume\u202Efdp.exe", DocumentFormat.Pdf)]
    [InlineData("generated/resume_utf16le_bom.txt", DocumentFormat.Txt)]
    [InlineData("generated/resume_utf16be_nobom.txt", DocumentFormat.Txt)]
    [InlineData("generated/lebenslauf_latin1.txt", DocumentFormat.Txt)]
    [InlineData("generated/jianli_gb18030.txt", DocumentFormat.Txt)]
    [InlineData("generated/png_bomb_40000x40000.png", DocumentFormat.Image)]
    [InlineData("generated/jpeg_claims_65000x65000.jpg", DocumentFormat.Image)]
    [InlineData("public/tika_testWORD6.doc", DocumentFormat.Doc)]
    [InlineData("public/tika_testWORD_macros.docm", DocumentFormat.Docx)]
    public void A_hostile_file_is_detected_from_its_bytes_not_its_name(string file, DocumentFormat expected)
    {
        var sniff = FormatSniffer.Sniff(File.ReadAllBytes(Corpus.PathOf("hostile/" + file)), Path.GetFileName(file));

        sniff.Format.Should().Be(expected);
    }

    [Theory]
    [InlineData("public/tika_testWORD_protected_passtika.docx", ErrorCodes.EncryptedDocument)]
    [InlineData("generated/zip_encrypted.docx", ErrorCodes.EncryptedDocument)]
    [InlineData("public/tika_testXXE.xml", ErrorCodes.UnsupportedFormat)]
    [InlineData("generated/elf_named.pdf", ErrorCodes.UnsupportedFormat)]
    [InlineData("generated/random_bytes.txt", ErrorCodes.UnsupportedFormat)]
    [InlineData("generated/random_zip_named.docx", ErrorCodes.UnsupportedFormat)]
    [InlineData("generated/zip_text_only.docx", ErrorCodes.UnsupportedFormat)]
    [InlineData("generated/docx_missing_document_xml.docx", ErrorCodes.CorruptDocument)]
    [InlineData("generated/doc_truncated_4k.doc", ErrorCodes.CorruptDocument)]
    [InlineData("generated/ole_header_random_body.doc", ErrorCodes.CorruptDocument)]
    [InlineData("generated/rtf_deep_groups.rtf", ErrorCodes.CorruptDocument)]
    [InlineData("generated/rtf_bin_overclaim.rtf", ErrorCodes.CorruptDocument)]
    [InlineData("public/qpdf_fuzz-16214.pdf", ErrorCodes.CorruptDocument)]
    [InlineData("public/qpdf_issue-335b.pdf", ErrorCodes.CorruptDocument)]
    [InlineData("generated/empty.pdf", ErrorCodes.EmptyFile)]
    [InlineData("generated/empty.docx", ErrorCodes.EmptyFile)]
    public void A_hostile_file_is_refused_at_detection_with_a_stable_code(string file, string code)
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf("hostile/" + file));

        var act = () => FormatSniffer.Sniff(bytes, Path.GetFileName(file));

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void The_file_name_and_content_type_never_override_the_bytes()
    {
        var pdf = File.ReadAllBytes(Corpus.PathOf("pdf/deedy_resume-openfont.pdf"));

        FormatSniffer.Sniff(pdf, "resume.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document").Format
            .Should().Be(DocumentFormat.Pdf);
    }

    [Fact]
    public void An_image_reports_its_kind()
    {
        var jpeg = File.ReadAllBytes(Corpus.PathOf("image/rm_template_modern-two-column.jpg"));

        FormatSniffer.Sniff(jpeg).ImageKind.Should().Be("jpeg");
    }
}
