using System.IO.Compression;
using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>Synthetic DOCX, ODT and HTML resumes: link targets with their text, table rows, headers, notes.</summary>
public class DocumentLinksAndRowsTests
{
    static readonly IOptions<ExtractionOptions> Options = Microsoft.Extensions.Options.Options.Create(new ExtractionOptions());
    const string Wns = ZipParts.Wns;

    static byte[] Zip(params (string Name, string Content)[] entries) => ZipParts.Zip(entries);

    static string P(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";
    static string Cell(string text) => $"<w:tc><w:tcPr/>{P(text)}</w:tc>";

    static byte[] Docx(string body, string rels = "", params (string, string)[] more)
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", $"<w:document {Wns}><w:body>{body}</w:body></w:document>"),
            ("word/_rels/document.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"),
        };
        parts.AddRange(more);
        return Zip(parts.ToArray());
    }

    static Task<ExtractorOutput> Read(IExtractor extractor, byte[] bytes, DocumentFormat format) =>
        extractor.ExtractAsync(new ExtractionInput(bytes, new SniffResult(format, "test")), CancellationToken.None);

    [Fact]
    public async Task A_docx_hyperlink_labelled_linkedin_returns_its_target_and_text()
    {
        var docx = Docx(
            P("Jane Roe") + "<w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>LinkedIn</w:t></w:r></w:hyperlink></w:p>",
            "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.linkedin.com/in/jane-roe\" TargetMode=\"External\"/>");

        var output = await Read(new OpenXmlExtractor(Options), docx, DocumentFormat.Docx);

        output.Links.Should().ContainSingle().Which.Should().Be(new ExtractedLink("https://www.linkedin.com/in/jane-roe", "LinkedIn"));
    }

    [Fact]
    public async Task A_docx_hyperlink_field_gives_an_email_that_exists_only_as_a_mailto_target()
    {
        var field = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"mailto:jane.roe@example.org\" </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Email</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";

        var output = await Read(new OpenXmlExtractor(Options), Docx(P("Jane Roe") + field), DocumentFormat.Docx);

        output.Links.Should().ContainSingle().Which.Should().Be(new ExtractedLink("mailto:jane.roe@example.org", "Email"));
        output.Text.Should().Contain("Email").And.NotContain("HYPERLINK");
    }

    [Fact]
    public async Task A_mailto_link_whose_text_shows_another_address_is_kept_but_marked()
    {
        var docx = Docx(
            "<w:p><w:hyperlink r:id=\"rId3\"><w:r><w:t>jane.roe@example.org</w:t></w:r></w:hyperlink></w:p>",
            "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"mailto:template.owner@example.com\"/>");

        var output = await Read(new OpenXmlExtractor(Options), docx, DocumentFormat.Docx);

        output.Links.Should().ContainSingle().Which.MailtoMismatch.Should().BeTrue();
        new ExtractionResult { ExtractedBy = "openxml", OcrUsed = false, Chars = 1, Attempts = [], Links = output.Links }.LinkTargets.Should().BeEmpty();
    }

    [Fact]
    public async Task A_docx_table_row_comes_out_as_one_line_with_separators()
    {
        var table = "<w:tbl><w:tblPr/><w:tr>" + Cell("Acme Corp") + Cell("Senior Accountant") + Cell("2019 – 2023") + "</w:tr>"
                    + "<w:tr>" + Cell("B.Com") + Cell("City College") + Cell("2015") + "</w:tr></w:tbl>";

        var output = await Read(new OpenXmlExtractor(Options), Docx(P("EXPERIENCE") + table), DocumentFormat.Docx);

        output.Text.Split('\n').Should().Contain("Acme Corp | Senior Accountant | 2019 – 2023").And.Contain("B.Com | City College | 2015");
        output.Layout!.Kind.Should().Be(ExtractionLayout.Table);
    }

    [Fact]
    public async Task Docx_headers_footnotes_and_text_boxes_are_read_and_a_repeated_header_once()
    {
        var header = $"<w:hdr {Wns}>{P("Jane Roe · +1 415 555 0100")}</w:hdr>";
        var footnotes = $"<w:footnotes {Wns}><w:footnote w:type=\"separator\" w:id=\"-1\">{P("SEPARATOR")}</w:footnote><w:footnote w:id=\"1\">{P("Certified in 2020")}</w:footnote></w:footnotes>";
        var box = "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
                  + P("jane@example.org") + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>" + P("jane@example.org") + "</mc:Fallback></mc:AlternateContent></w:r></w:p>";
        var sdt = "<w:sdt><w:sdtPr><w:alias w:val=\"Title\"/></w:sdtPr><w:sdtContent>" + P("Senior Accountant") + "</w:sdtContent></w:sdt>";

        var output = await Read(new OpenXmlExtractor(Options), Docx(sdt + box, "",
            ("word/header1.xml", header), ("word/header2.xml", header), ("word/footnotes.xml", footnotes)), DocumentFormat.Docx);

        output.Text.Should().StartWith("Jane Roe · +1 415 555 0100");
        output.Text.Split("+1 415 555 0100").Should().HaveCount(2, "the same header on first and other pages is one header");
        output.Text.Should().Contain("Senior Accountant").And.Contain("Certified in 2020").And.NotContain("SEPARATOR");
        output.Text.Split("jane@example.org").Should().HaveCount(2, "the VML fallback repeats the text box");
    }

    [Fact]
    public async Task An_odt_link_table_row_and_page_header_are_read()
    {
        const string ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                          + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
        var content = $"<office:document-content {ns}><office:body><office:text><text:p><text:a xlink:href=\"https://github.com/janeroe\">GitHub</text:a></text:p>"
                      + "<table:table><table:table-row><table:table-cell><text:p>Acme</text:p></table:table-cell><table:table-cell><text:p>Accountant</text:p></table:table-cell></table:table-row></table:table>"
                      + "</office:text></office:body></office:document-content>";
        var styles = $"<office:document-styles {ns}><office:master-styles><style:master-page><style:header><text:p>Jane Roe, page <text:page-number>3</text:page-number></text:p></style:header>"
                     + "<style:header-first><text:p>Jane Roe, page <text:page-number>1</text:page-number></text:p></style:header-first></style:master-page></office:master-styles></office:document-styles>";
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content), ("styles.xml", styles));

        var output = await Read(new OdtExtractor(Options), odt, DocumentFormat.Odt);

        output.Text.Should().StartWith("Jane Roe, page");
        output.Text.Split("Jane Roe").Should().HaveCount(2);
        output.Text.Split('\n').Should().Contain("Acme | Accountant");
        output.Links.Should().ContainSingle().Which.Should().Be(new ExtractedLink("https://github.com/janeroe", "GitHub"));
    }

    [Fact]
    public async Task Html_hrefs_come_back_with_their_text_and_table_rows_stay_rows()
    {
        var html = "<html><body><p><a href=\"mailto:jane@example.org\">Write to me</a> <a href=\"javascript:alert(1)\">x</a></p>"
                   + "<table><tr><th>Degree</th><th>School</th><th>Year</th></tr><tr><td>MSc Physics</td><td>Uni &amp; Co</td><td>2018</td></tr></table></body></html>";

        var output = await Read(new HtmlExtractor(), Encoding.UTF8.GetBytes(html), DocumentFormat.Html);

        output.Links.Should().ContainSingle().Which.Should().Be(new ExtractedLink("mailto:jane@example.org", "Write to me"));
        output.Text.Split('\n').Should().Contain("Degree | School | Year").And.Contain("MSc Physics | Uni & Co | 2018");
    }

    [Fact]
    public void A_row_with_a_multi_line_cell_keeps_each_cell_on_its_own_lines()
    {
        var marked = $"{TableRows.RowStart}Skills{TableRows.CellEnd}C#\nSQL\n{TableRows.CellEnd}{TableRows.RowEnd}after";

        var (text, cellChars) = TableRows.Format("before\n" + marked);

        text.Should().Be("before\nSkills\nC#\nSQL\nafter");
        cellChars.Should().Be(12);
    }
}
