using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AtsParser.Synth;

/// <summary>Writes a resume as a real Word document: Title/Heading styles, list numbering, page header, tables, section columns, hyperlinks.</summary>
public static class DocxWriter
{
    public static void Write(string path, SynthResume resume, SynthLayout layout, Random r)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.Document = new Document(new Body());
        AddStyles(main);
        AddNumbering(main);
        var body = new Flow(main.Document.Body!, main);
        var l = Locales.All.Single(x => x.Code == resume.Language);
        var s = new Sections(resume, layout, l, r);
        var final = PageSection();

        // The name in the Title style: at the top of the page, or only in the page header (HeaderContact), or at the
        // top of the main column, read after the sidebar (Sidebar); the parser finds it by position or by the style.
        if (layout.Page is PageLayout.Classic or PageLayout.TwoColumns) body.Styled("Title", resume.Name);
        switch (layout.Page)
        {
            case PageLayout.Classic:
                s.Contact(body, inline: true);
                s.Main(body);
                s.Side(body);
                break;
            case PageLayout.HeaderContact:
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header();
                var top = new Flow(header.Header, header);
                top.Styled("Title", resume.Name);
                s.Contact(top, inline: true);
                final.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
                s.Main(body);
                s.Side(body);
                break;
            case PageLayout.Sidebar:
                var cols = body.Columns([3000, 6600]);
                s.Contact(cols[0], inline: false);
                s.Side(cols[0]);
                cols[1].Styled("Title", resume.Name);
                s.Main(cols[1]);
                foreach (var c in cols) c.Close();
                break;
            case PageLayout.TwoColumns:
                s.Contact(body, inline: true);
                // End the one-column part with a continuous section break; the rest flows in two newspaper columns.
                main.Document.Body!.Append(new Paragraph(new ParagraphProperties(PageSection())));
                s.Main(body);
                s.Side(body);
                final.Append(new Columns { ColumnCount = 2, Space = "567" });
                final.PrependChild(new SectionType { Val = SectionMarkValues.Continuous });
                break;
        }
        main.Document.Body!.Append(final);
        if (l.RightToLeft)
        {
            MarkRightToLeft(main.Document.Body!);
            foreach (var h in main.HeaderParts) MarkRightToLeft(h.Header);
        }
        main.Document.Save();
    }

    /// <summary>As Word writes a Hebrew document: every paragraph and table right-to-left, runs in the script marked w:rtl.</summary>
    static void MarkRightToLeft(OpenXmlCompositeElement root)
    {
        foreach (var p in root.Descendants<Paragraph>().ToList())
            (p.ParagraphProperties ??= new ParagraphProperties()).BiDi = new BiDi();
        foreach (var run in root.Descendants<Run>().Where(x => x.InnerText.Any(c => c is >= '\u0590' and <= '\u05FF')).ToList())
            (run.RunProperties ??= new RunProperties()).RightToLeftText = new RightToLeftText();
        foreach (var t in root.Descendants<Table>().ToList())
            (t.GetFirstChild<TableProperties>() ?? t.PrependChild(new TableProperties())).BiDiVisual = new BiDiVisual();
    }

    static SectionProperties PageSection()
    {
        var sect = new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 });
        return sect;
    }

    static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Liberation Sans", HighAnsi = "Liberation Sans" }, new FontSize { Val = "20" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleRunProperties(new Bold(), new FontSize { Val = "40" })) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "60" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "26" })) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
    }

    static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" })) { LevelIndex = 0 }) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = Flow.BulletNumberingId });
    }
}
