using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

[Collection(ExtractionCollection.Name)]
public class HostileFileTests(HostileRun run) : IClassFixture<HostileRun>
{
    const string Ok = "";

    // The contract per file, decided from hostile/MANIFEST.tsv's expected_behaviour: the status and the stable code.
    static readonly Dictionary<string, (int Status, string Code)> Pinned = new()
    {
        ["public/qpdf_enc-R3_V2_U_view_O_master.pdf"] = (422, "encrypted_document"),
        ["public/qpdf_enc-R3_V2_O_master.pdf"] = (200, Ok), // empty user password: opens like in every viewer
        ["public/qpdf_pages-loop.pdf"] = (422, "no_text"),
        ["public/qpdf_outlines-with-loop.pdf"] = (200, Ok),
        ["public/qpdf_deep-pages.pdf"] = (422, "no_text"),
        ["public/qpdf_issue-335b.pdf"] = (422, "corrupt_document"),
        ["public/qpdf_bad1.pdf"] = (422, "no_text"),
        ["public/qpdf_bad-xref.pdf"] = (422, "no_text"),
        ["public/qpdf_fuzz-16214.pdf"] = (422, "corrupt_document"),
        ["public/qpdf_damaged-stream.pdf"] = (422, "no_text"),
        ["public/qpdf_many-nulls.pdf"] = (422, "corrupt_document"),
        ["public/qpdf_large-inline-image.pdf"] = (422, "no_text"),
        ["public/qpdf_issue-202.pdf"] = (200, Ok),
        ["public/qpdf_bad-encryption-length.pdf"] = (422, "encrypted_document"),
        ["public/tika_testWORD_protected_passtika.docx"] = (422, "encrypted_document"),
        ["public/tika_testWORD6.doc"] = (200, Ok),
        ["public/tika_testWORD_macros.docm"] = (422, "no_text"),
        ["public/tika_testRTFInvalidUnicode.rtf"] = (200, Ok),
        ["public/tika_testRTFEmbeddedFiles.rtf"] = (422, "no_text"),
        ["public/tika_testControlCharacters.doc"] = (200, Ok),
        ["public/tika_testPDF_protected.pdf"] = (200, Ok),
        ["public/tika_testPDF_malformedXFA.pdf"] = (422, "no_text"),
        ["public/tika_testODTnotaZipFile.odt"] = (422, "no_text"),
        ["public/tika_testXXE.xml"] = (415, "unsupported_format"),
        ["public/tika_testUnicodePassword.pdf"] = (422, "encrypted_document"),
        ["public/tika_testLargeOLEDoc.doc"] = (200, Ok),
        ["generated/empty.pdf"] = (400, "empty_file"),
        ["generated/empty.docx"] = (400, "empty_file"),
        ["generated/empty.doc"] = (400, "empty_file"),
        ["generated/empty.rtf"] = (400, "empty_file"),
        ["generated/empty.txt"] = (400, "empty_file"),
        ["generated/empty.png"] = (400, "empty_file"),
        ["generated/trunc_pdf_50pct.pdf"] = (422, "corrupt_document"),
        ["generated/trunc_pdf_1k.pdf"] = (422, "corrupt_document"),
        ["generated/header_only.pdf"] = (422, "corrupt_document"),
        ["generated/trunc_pdf_no_trailer.pdf"] = (422, "corrupt_document"),
        ["generated/pdf_header_offset.pdf"] = (200, Ok),
        ["generated/encrypted_userpw_aes256.pdf"] = (422, "encrypted_document"),
        ["generated/encrypted_userpw_rc4_128.pdf"] = (422, "encrypted_document"),
        ["generated/encrypted_owner_only_noextract.pdf"] = (200, Ok), // empty user password: the text is readable
        ["generated/random_zip_named.docx"] = (415, "unsupported_format"),
        ["generated/pdf_named.docx"] = (200, Ok),
        ["generated/docx_named.doc"] = (200, Ok),
        ["generated/html_named.doc"] = (200, Ok),
        ["generated/random_bytes.txt"] = (415, "unsupported_format"),
        ["generated/elf_named.pdf"] = (415, "unsupported_format"),
        ["generated/pdf_named.png"] = (200, Ok),
        ["generated/zip_text_only.docx"] = (415, "unsupported_format"),
        ["generated/png_truncated.png"] = (422, "corrupt_document"),
        ["generated/billion_laughs.docx"] = (422, "corrupt_document"),
        ["generated/xxe_file_etc_passwd.docx"] = (422, "corrupt_document"),
        ["generated/xxe_ssrf_metadata.docx"] = (422, "corrupt_document"),
        ["generated/xxe_parameter_entity.docx"] = (422, "corrupt_document"),
        ["generated/xxe_in_content_types.docx"] = (422, "corrupt_document"),
        ["generated/docx_missing_document_xml.docx"] = (422, "corrupt_document"),
        ["generated/docx_zipslip.docx"] = (422, "no_text"), // 'Jane Slip' alone is below the minimum text
        ["generated/docx_bad_crc.docx"] = (422, "corrupt_document"),
        ["generated/zip_encrypted.docx"] = (422, "encrypted_document"),
        ["generated/docx_dir_entry_only.docx"] = (415, "unsupported_format"),
        ["generated/pdf_flate_bomb_1GiB.pdf"] = (413, "file_too_large"),
        ["generated/pdf_deep_array_nesting.pdf"] = (422, "no_text"),
        ["generated/pdf_javascript_openaction.pdf"] = (200, Ok),
        ["generated/long_line_2MiB.txt"] = (200, Ok),
        ["generated/resume_utf16le_bom.txt"] = (200, Ok),
        ["generated/resume_utf16be_nobom.txt"] = (200, Ok),
        ["generated/resume_utf8_bom.txt"] = (200, Ok),
        ["generated/lebenslauf_latin1.txt"] = (200, Ok),
        ["generated/jianli_gb18030.txt"] = (200, Ok),
        ["generated/jianli_big5_mislabeled_utf8.txt"] = (200, Ok),
        ["generated/resume_invalid_utf8.txt"] = (200, Ok),
        ["generated/resume_with_nuls.txt"] = (200, Ok),
        ["generated/rtf_deep_groups.rtf"] = (422, "corrupt_document"),
        ["generated/rtf_bin_overclaim.rtf"] = (422, "corrupt_document"),
        ["generated/txt_named.rtf"] = (200, Ok),
        ["generated/doc_truncated_4k.doc"] = (422, "corrupt_document"),
        ["generated/ole_header_random_body.doc"] = (422, "corrupt_document"),
        ["generated/png_bomb_40000x40000.png"] = (413, "file_too_large"),
        ["generated/jpeg_claims_65000x65000.jpg"] = (413, "file_too_large"),
        ["generated/png_1x1.png"] = (422, "no_text"),
        ["generated/Résumé Jürgen 简历 קורות.pdf"] = (200, Ok),
        ["generated/resume\u202Efdp.exe"] = (200, Ok),
        ["generated/" + new string('a', 240) + ".pdf"] = (200, Ok),
        // Built at test time (hostile/LARGE.tsv).
        ["generated/pdf_junk_appended.pdf"] = (200, Ok),
        ["generated/pdf_10000_pages.pdf"] = (413, "too_many_pages"),
        ["generated/huge_single_line_64MiB.txt"] = (413, "file_too_large"), // refused by the streaming size check
        ["generated/only_newlines_10MiB.txt"] = (422, "no_text"),
    };

    [Fact]
    public void Every_hostile_file_in_the_manifests_has_a_pinned_expectation()
    {
        Pinned.Keys.Should().BeEquivalentTo(HostileRun.StoredFiles.Concat(HostileRun.LargeFiles));
    }

    [Fact]
    public void Every_hostile_file_gets_its_pinned_status_and_code()
    {
        var wrong = Pinned
            .Where(p => !run.Replies.TryGetValue(p.Key, out var r) || r.Status != p.Value.Status || (r.Code ?? Ok) != p.Value.Code)
            .Select(p => $"{p.Key}: expected {p.Value.Status} {p.Value.Code}, got {(run.Replies.TryGetValue(p.Key, out var r) ? r.ToString() : "nothing")}")
            .ToList();

        wrong.Should().BeEmpty();
    }

    [Fact]
    public void No_hostile_file_gets_a_server_error()
    {
        run.Replies.Where(r => r.Value.Status >= 500).Select(r => $"{r.Key}: {r.Value}").Should().BeEmpty();
    }

    [Fact]
    public void Every_refusal_is_a_problem_details_with_a_detail_that_says_what_to_do()
    {
        foreach (var (file, reply) in run.Replies.Where(r => r.Value.Status != 200))
        {
            reply.Body.Should().Contain("\"detail\"", file).And.Contain("\"title\"", file);
            reply.Code.Should().NotBeNullOrEmpty(file);
        }
    }

    [Fact]
    public void A_damaged_pdf_is_refused_with_poppler_s_reason_although_pdftotext_runs_quiet()
    {
        // pdftotext runs with -q (a damaged file can print a line per object); the reason comes from a second,
        // verbose run made only when the quiet one fails.
        var reply = run.Replies["generated/header_only.pdf"];

        reply.Code.Should().Be("corrupt_document");
        reply.Body.Should().Contain("xref table");
    }

    [Fact]
    public void No_external_entity_is_ever_resolved_into_a_response()
    {
        run.Replies.Where(r => r.Value.Body.Contains("root:x:0:0", StringComparison.Ordinal)).Select(r => r.Key).Should().BeEmpty();
    }

    [Fact]
    public void A_word_file_whose_text_is_a_picture_is_read_through_libreoffice_and_ocr()
    {
        var reply = run.Replies["public/tika_testLargeOLEDoc.doc"];

        reply.ExtractedBy.Should().Be("libreoffice+ocr");
        reply.OcrUsed.Should().BeTrue();
    }

    [Theory]
    [InlineData("generated/docx_named.doc", "docx", "Ebony Moore")]
    [InlineData("generated/html_named.doc", "html", "Ebony Moore")]
    [InlineData("generated/pdf_named.png", "pdf", "Debarghya")]
    [InlineData("generated/txt_named.rtf", "txt", "Ebony Moore")]
    [InlineData("generated/resume_utf16be_nobom.txt", "txt", "Ebony Moore")]
    [InlineData("generated/lebenslauf_latin1.txt", "txt", "Persönliche Daten")]
    [InlineData("generated/jianli_gb18030.txt", "txt", "教育背景")]
    [InlineData("generated/encrypted_owner_only_noextract.pdf", "pdf", "Debarghya")]
    public void A_file_with_a_lying_name_or_encoding_is_read_as_what_it_really_is(string file, string format, string expectedText)
    {
        var reply = run.Replies[file];

        reply.Document.GetProperty("format").GetString().Should().Be(format);
        reply.Text.Should().Contain(expectedText).And.NotContain("\uFEFF").And.NotContain("\0");
    }

    [Fact]
    public void An_echoed_file_name_has_its_right_to_left_override_removed()
    {
        run.Replies["generated/resume\u202Efdp.exe"].Document.GetProperty("fileName").GetString().Should().Be("resumefdp.exe");
    }

    [Fact]
    public void The_service_stays_healthy_and_keeps_parsing_after_the_hostile_run()
    {
        run.HealthAfter.Should().Be(200);
        run.GoodAfter!.Status.Should().Be(200);
        run.GoodAfter.Text.Should().Contain("Ebony Moore");
    }

    [Fact]
    public void No_tool_process_outlives_the_hostile_run()
    {
        run.LeftoverProcesses.Should().BeEmpty();
    }

    [Fact]
    public void No_temp_directory_outlives_the_hostile_run()
    {
        run.LeftoverTempEntries.Should().BeEmpty();
    }
}
