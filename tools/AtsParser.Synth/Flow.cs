using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AtsParser.Synth;

/// <summary>Appends paragraphs, tables and links to one container (the body, a table cell or a header), as Word would write them.</summary>
public sealed class Flow(OpenXmlCompositeElement target, OpenXmlPartContainer part)
{
    public const int BulletNumberingId = 1;

    public OpenXmlCompositeElement Target => target;

    public Paragraph Styled(string styleId, string text) =>
        Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(Text(text))));

    public Paragraph Heading(string text) => Styled("Heading1", text);

    public Paragraph Para(string text, bool bold = false, bool italic = false) => Add(new Paragraph(RunOf(text, bold, italic)));

    /// <summary>Left text, then a right-aligned tab stop with the dates: "Title ............ Mar 2019 – Present".</summary>
    public Paragraph Tabbed(string left, string right, bool bold = false)
    {
        var props = new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9000 }));
        return Add(new Paragraph(props, RunOf(left, bold, false), new Run(new TabChar()), RunOf(right, false, false)));
    }

    /// <summary>A real Word list item (numbering part), not a typed bullet character.</summary>
    public Paragraph Bullet(string text) =>
        Add(new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })), RunOf(text, false, false)));

    /// <summary>Visible text runs, with runs that are hyperlinks to their targets where a target is given.</summary>
    public Paragraph Line(params (string Text, string? Target)[] pieces)
    {
        var p = new Paragraph();
        foreach (var (text, url) in pieces)
        {
            if (url is null) { p.Append(RunOf(text, false, false)); continue; }
            var rel = part switch
            {
                MainDocumentPart m => m.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true),
                HeaderPart h => h.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true),
                _ => throw new InvalidOperationException("Hyperlinks need a main document or header part."),
            };
            p.Append(new Hyperlink(new Run(new RunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }), Text(text))) { Id = rel.Id });
        }
        return Add(p);
    }

    /// <summary>A table; rows of cells, each cell one or more lines. Borders off for layout tables.</summary>
    public Table Table(IReadOnlyList<IReadOnlyList<string[]>> rows, int[] widths, bool borders, bool boldFirstRow = false)
    {
        var table = NewTable(widths, borders);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = new TableRow();
            for (int c = 0; c < rows[i].Count; c++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(), Type = TableWidthUnitValues.Dxa }));
                foreach (var line in rows[i][c]) cell.Append(new Paragraph(RunOf(line, boldFirstRow && i == 0, false)));
                if (rows[i][c].Length == 0) cell.Append(new Paragraph());
                row.Append(cell);
            }
            table.Append(row);
        }
        target.Append(table);
        return table;
    }

    /// <summary>A one-row borderless layout table whose cells are flows of their own (sidebar and main column).</summary>
    public Flow[] Columns(int[] widths)
    {
        var table = NewTable(widths, borders: false);
        var row = new TableRow();
        var flows = new List<Flow>();
        foreach (var w in widths)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = w.ToString(), Type = TableWidthUnitValues.Dxa }));
            row.Append(cell);
            flows.Add(new Flow(cell, part));
        }
        table.Append(row);
        target.Append(table);
        return flows.ToArray();
    }

    /// <summary>Word requires every table cell to end with a paragraph.</summary>
    public void Close()
    {
        if (target is TableCell && target.LastChild is not Paragraph) target.Append(new Paragraph());
    }

    static Table NewTable(int[] widths, bool borders)
    {
        var props = new TableProperties(new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed });
        if (borders)
            props.Append(new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        return new Table(props, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
    }

    Paragraph Add(Paragraph p)
    {
        target.Append(p);
        return p;
    }

    static Run RunOf(string text, bool bold, bool italic)
    {
        var run = new Run();
        if (bold || italic)
        {
            var rp = new RunProperties();
            if (bold) rp.Append(new Bold());
            if (italic) rp.Append(new Italic());
            run.Append(rp);
        }
        run.Append(Text(text));
        return run;
    }

    static Text Text(string s) => new(s) { Space = SpaceProcessingModeValues.Preserve };
}
