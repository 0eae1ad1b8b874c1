using System.IO.Compression;
using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Pipeline;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>
/// Synthetic DOCX, ODT and RTF files (zips of XML parts written here) carry Title/Subtitle-styled paragraphs and
/// document properties as hints, and the parse pipeline weighs them for the name. People are invented.
/// </summary>
public class DocumentHintTests
{
    static readonly IOptions<ExtractionOptions> Options = Microsoft.Extensions.Options.Options.Create(new ExtractionOptions());
    const string Wns = ZipParts.Wns;

    static byte[] Zip(params (string Name, string Content)[] entries) => ZipParts.Zip(entries);

    static string P(string text, string? style = null) =>
        $"<w:p>{(style is null ? "" : $"<w:pPr><w:pStyle w:val=\"{style}\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>")}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    static string Style(string id, string name, string? basedOn = null) =>
        $"<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{(basedOn is null ? "" : $"<w:basedOn w:val=\"{basedOn}\"/>")}</w:style>";

    static string Core(string? title = null, string? creator = null, string? editor = null) =>
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + (title is null ? "" : $"<dc:title>{title}</dc:title>") + (creator is null ? "" : $"<dc:creator>{creator}</dc:creator>")
        + (editor is null ? "" : $"<cp:lastModifiedBy>{editor}</cp:lastModifiedBy>") + "</cp:coreProperties>";

    static byte[] Docx(string body, string? styles = null, string? core = null, string? header = null)
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", $"<w:document {Wns}><w:body>{body}</w:body></w:document>"),
        };
        if (styles is not null) parts.Add(("word/styles.xml", $"<w:styles {Wns}>{styles}</w:styles>"));
        if (core is not null) parts.Add(("docProps/core.xml", core));
        if (header is not null) parts.Add(("word/header1.xml", $"<w:hdr {Wns}>{header}</w:hdr>"));
        return Zip(parts.ToArray());
    }

    static Task<ExtractorOutput> Read(IExtractor extractor, byte[] bytes, DocumentFormat format) =>
        extractor.ExtractAsync(new ExtractionInput(bytes, new SniffResult(format, "test")), CancellationToken.None);

    [Fact]
    public async Task A_docx_paragraph_in_the_title_style_comes_back_as_a_hint_and_its_tab_stops_stay_out_of_the_text()
    {
        var docx = Docx(P("Odalys Brennick", "Title") + P("Warehouse Lead", "Subtitle") + P("Summary", "Heading1"),
            Style("Title", "Title") + Style("Subtitle", "Subtitle") + Style("Heading1", "heading 1"));

        var output = await Read(new OpenXmlExtractor(Options), docx, DocumentFormat.Docx);

        output.Text.Split('\n').Should().StartWith(["Odalys Brennick", "Warehouse Lead", "Summary"]);
        output.Hints.Should().Equal(new DocumentHint(DocumentHints.TitleStyle, "Odalys Brennick"), new DocumentHint(DocumentHints.SubtitleStyle, "Warehouse Lead"));
    }

    [Fact]
    public async Task A_localized_style_id_and_a_custom_style_based_on_title_resolve_through_styles_xml()
    {
        var docx = Docx(P("Odalys Brennick", "Titel") + P("Lagerleiterin", "Untertitel") + P("Berufserfahrung", "MyHeading"),
            Style("Titel", "Title") + Style("Untertitel", "Subtitle") + Style("MyHeading", "My Heading", basedOn: "Ueberschrift")
            + Style("Ueberschrift", "heading 1") + Style("NameLine", "Name Line", basedOn: "Titel"));
        var custom = Docx(P("Odalys Brennick", "NameLine"), Style("Titel", "Title") + Style("NameLine", "Name Line", basedOn: "Titel"));

        (await Read(new OpenXmlExtractor(Options), docx, DocumentFormat.Docx)).Hints.Select(h => (h.Kind, h.Text))
            .Should().Equal((DocumentHints.TitleStyle, "Odalys Brennick"), (DocumentHints.SubtitleStyle, "Lagerleiterin"));
        (await Read(new OpenXmlExtractor(Options), custom, DocumentFormat.Docx)).Hints.Should().ContainSingle().Which.Text.Should().Be("Odalys Brennick");
    }

    [Fact]
    public async Task Docx_core_properties_come_back_as_hints_and_a_damaged_properties_part_costs_only_the_hints()
    {
        var docx = Docx(P("Summary"), core: Core("Odalys_Brennick_CV", "Microsoft Office User", "Quentin Varga"));
        var damaged = Docx(P("Summary"), core: "<cp:coreProperties><dc:creator>unclosed");

        (await Read(new OpenXmlExtractor(Options), docx, DocumentFormat.Docx)).Hints.Select(h => (h.Kind, h.Text)).Should().Equal(
            (DocumentHints.TitleProperty, "Odalys_Brennick_CV"), (DocumentHints.AuthorProperty, "Microsoft Office User"), (DocumentHints.EditorProperty, "Quentin Varga"));
        var output = await Read(new OpenXmlExtractor(Options), damaged, DocumentFormat.Docx);
        output.Text.Should().Contain("Summary");
        output.Hints.Should().BeEmpty();
    }

    [Fact]
    public async Task An_odt_paragraph_whose_automatic_style_has_title_as_parent_and_the_meta_creators_are_hints()
    {
        const string ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                          + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
        var content = $"<office:document-content {ns}><office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Title\"/></office:automatic-styles>"
                      + "<office:body><office:text><text:p text:style-name=\"P1\">Odalys Brennick</text:p><text:p text:style-name=\"Subtitle\">Warehouse Lead</text:p>"
                      + "<text:h text:style-name=\"Heading_20_1\">Summary</text:h></office:text></office:body></office:document-content>";
        var styles = $"<office:document-styles {ns}><office:styles><style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Heading\"/>"
                     + "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Heading\"/><style:style style:name=\"Heading\" style:family=\"paragraph\"/>"
                     + "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\" style:parent-style-name=\"Heading\"/></office:styles></office:document-styles>";
        var meta = $"<office:document-meta {ns}><office:meta><meta:initial-creator>Odalys Brennick</meta:initial-creator><dc:creator>Quentin Varga</dc:creator></office:meta></office:document-meta>";
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content), ("styles.xml", styles), ("meta.xml", meta));

        var output = await Read(new OdtExtractor(Options), odt, DocumentFormat.Odt);

        output.Text.Split('\n').Should().StartWith(["Odalys Brennick", "Warehouse Lead", "Summary"]);
        output.Hints.Select(h => (h.Kind, h.Text)).Should().Equal(
            (DocumentHints.TitleStyle, "Odalys Brennick"), (DocumentHints.SubtitleStyle, "Warehouse Lead"),
            (DocumentHints.AuthorProperty, "Odalys Brennick"), (DocumentHints.EditorProperty, "Quentin Varga"));
    }

    [Fact]
    public void Rtf_info_title_author_and_operator_are_hints_and_not_text()
    {
        var rtf = Encoding.ASCII.GetBytes(@"{\rtf1\ansi{\info{\title Odalys Brennick CV}{\author Odalys Br\'e9nnick}{\operator Admin}{\*\company Harlow}}Summary\par Warehouse lead.\par}");

        var result = RtfReader.Read(rtf, 100_000, CancellationToken.None);

        result.Text.Should().StartWith("Summary").And.NotContain("Odalys").And.NotContain("Admin").And.NotContain("Harlow");
        result.Hints.Select(h => (h.Kind, h.Text)).Should().Equal(
            (DocumentHints.TitleProperty, "Odalys Brennick CV"), (DocumentHints.AuthorProperty, "Odalys Brénnick"), (DocumentHints.EditorProperty, "Admin"));
    }

    // Through detection, the real extractor chain and the heuristic parser, as /parse runs them.
    static async Task<PersonName?> ParsedName(byte[] docx)
    {
        await using var services = CorpusEvaluation.BuildServices();
        var pipeline = services.GetRequiredService<DocumentPipeline>();
        var result = await pipeline.ProcessAsync(new Upload("resume.docx", null, docx, null), new ParseRequestOptions { AsOf = new DateOnly(2026, 1, 15) }, CancellationToken.None);
        result.Extraction.ExtractedBy.Should().Be("openxml");
        return result.Resume!.Candidate.Name;
    }

    static string Sidebar(string email) =>
        P("Contact") + P("+44 20 7946 0321") + P(email) + P("Skills") + P("Inventory Control") + P("Forklift Operation");

    static string Jobs => P("Experience", "Heading1") + P("Warehouse Lead | Tamsin Freight Ltd | 2019 - Present") + P("Ran a night shift of twelve pickers and cut mis-picks by a third over two years.");

    [Fact]
    public async Task End_to_end_a_title_styled_name_below_a_sidebar_with_nothing_else_naming_it_is_the_name()
    {
        var styles = Style("Title", "Title") + Style("Heading1", "heading 1");

        (await ParsedName(Docx(Sidebar("hello@orbitmail.example") + P("Odalys Brennick") + Jobs, styles))).Should().BeNull();
        (await ParsedName(Docx(Sidebar("hello@orbitmail.example") + P("Odalys Brennick", "Title") + Jobs, styles)))!.Raw.Should().Be("Odalys Brennick");
    }

    [Fact]
    public async Task End_to_end_a_template_author_is_ignored_and_the_candidate_as_author_confirmed_by_the_email_names_her()
    {
        var body = Sidebar("obrennick@orbitmail.example") + Jobs;

        (await ParsedName(Docx(body, core: Core(creator: "Microsoft Office User", editor: "Microsoft Office User")))).Should().BeNull();
        (await ParsedName(Docx(body, core: Core(creator: "Quentin Varga")))).Should().BeNull();
        (await ParsedName(Docx(body, core: Core(creator: "Odalys Brennick", editor: "Quentin Varga"))))!.Raw.Should().Be("Odalys Brennick");
    }

    [Fact]
    public async Task End_to_end_a_name_only_in_the_page_header_is_the_name()
    {
        var body = P("Summary", "Heading1") + P("Warehouse lead with ten years in cold-chain logistics.") + Jobs;

        (await ParsedName(Docx(body, Style("Heading1", "heading 1"), header: P("Odalys Brennick") + P("obrennick@orbitmail.example · +44 20 7946 0321"))))!.Raw.Should().Be("Odalys Brennick");
        (await ParsedName(Docx(body, Style("Heading1", "heading 1"), header: P("Odalys Brennick, page 1"))))!.Raw.Should().Be("Odalys Brennick");
    }
}
