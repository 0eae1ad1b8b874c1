using System.Globalization;
using System.Text;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>Word boxes as pdftotext -bbox-layout writes them, built inline: text rebuilt, columns found or not.</summary>
public class PdfReadingOrderTests
{
    // One flow per (x, y, text) line, each a block of one line, in the order given (poppler's order).
    static string Xhtml(params (double X, double Y, string Text)[] lines)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title></title></head><body><doc>\n<page width=\"600\" height=\"800\">\n");
        foreach (var (x, y, text) in lines)
        {
            var words = text.Split(' ');
            double w = 6 * text.Length;
            sb.Append(CultureInfo.InvariantCulture, $"<flow><block xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x + w}\" yMax=\"{y + 10}\"><line xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x + w}\" yMax=\"{y + 10}\">");
            double cx = x;
            foreach (var word in words)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<word xMin=\"{cx}\" yMin=\"{y}\" xMax=\"{cx + 6 * word.Length}\" yMax=\"{y + 10}\">{System.Net.WebUtility.HtmlEncode(word)}</word>");
                cx += 6 * word.Length + 6;
            }
            sb.Append("</line></block></flow>\n");
        }
        return sb.Append("</page>\n</doc></body></html>").ToString();
    }

    [Fact]
    public void Plain_text_joins_words_with_spaces_escapes_decoded_and_a_blank_line_after_each_flow()
    {
        var pages = PdfWordBoxes.Parse(Xhtml((50, 50, "Jane Roe"), (50, 70, "R&D <lead>")));

        PdfWordBoxes.PlainText(pages).Should().Be("Jane Roe\n\nR&D <lead>\n\n\f");
    }

    [Fact]
    public void Two_columns_interleaved_by_poppler_come_out_header_first_then_each_column_whole()
    {
        var lines = new List<(double, double, string)> { (150, 20, "Jane Roe, jane@example.org, +1 415 555 0100 and more") };
        for (int i = 0; i < 12; i++)
        {
            lines.Add((30, 80 + 20 * i, $"Sidebar skill {i}"));
            lines.Add((250, 83 + 20 * i, $"Main column line {i} with the job"));
        }

        var result = PdfReadingOrder.Write(PdfWordBoxes.Parse(Xhtml(lines.ToArray())));

        result.Layout.Should().Be(new ExtractionLayout(ExtractionLayout.MultiColumn, 2));
        var text = result.Text.Split('\n').Where(l => l.Length > 0).ToList();
        text[0].Should().StartWith("Jane Roe");
        text.Skip(1).Take(12).Should().AllSatisfy(l => l.Should().StartWith("Sidebar"));
        text.Skip(13).Take(12).Should().AllSatisfy(l => l.Should().StartWith("Main column"));
    }

    [Fact]
    public void Right_aligned_dates_on_the_same_baselines_are_a_table_and_keep_poppler_order()
    {
        var lines = new List<(double, double, string)>();
        for (int i = 0; i < 8; i++)
        {
            lines.Add((40, 80 + 30 * i, $"Accountant at Firm number {i}"));
            lines.Add((450, 80 + 30 * i, $"201{i} - 202{i}"));
        }
        var pages = PdfWordBoxes.Parse(Xhtml(lines.ToArray()));

        var result = PdfReadingOrder.Write(pages);

        result.Layout.Kind.Should().NotBe(ExtractionLayout.MultiColumn);
        result.Text.Should().Be(PdfWordBoxes.PlainText(pages));
    }

    [Fact]
    public void Dates_in_a_left_gutter_beside_their_titles_are_rows_even_with_headings_and_lists_the_right_side_leaves_empty()
    {
        // Europass-style: section headings and a language list at the left margin with nothing beside them, each
        // job's dates in the gutter on the title's and the employer's baselines, the description lines only right.
        var lines = new List<(double, double, string)> { (40, 20, "Jane Roe, jane@example.org, +33 1 23 45 67 89, Lyon") };
        double y = 60;
        lines.Add((40, y, "Experience")); y += 20;
        for (int i = 0; i < 4; i++)
        {
            lines.Add((40, y, $"201{i} - 201{i + 1}")); lines.Add((160, y, $"Dispatcher number {i}")); y += 14;
            lines.Add((40, y, "Paris")); lines.Add((160, y, $"Firm {i} Logistics")); y += 14;
            lines.Add((160, y, "Cut inbound times by a fifth across two sites")); y += 14;
            lines.Add((160, y, "Trained six new colleagues")); y += 20;
        }
        foreach (var heading in new[] { "Languages", "French", "English", "German", "Certificates", "Forklift" }) { lines.Add((40, y, heading)); y += 14; }
        var pages = PdfWordBoxes.Parse(Xhtml(lines.ToArray()));

        var result = PdfReadingOrder.Write(pages);

        result.Layout.Kind.Should().NotBe(ExtractionLayout.MultiColumn);
        result.Text.Should().Be(PdfWordBoxes.PlainText(pages));
    }

    // One flow per block; a block is (x, top, its lines 12 points apart), in the order given (poppler's order).
    static string Blocks(params (double X, double Y, string[] Lines)[] blocks)
    {
        var sb = new StringBuilder("<doc><page width=\"600\" height=\"800\">\n");
        foreach (var (x, y, lines) in blocks)
        {
            double w = 6 * lines.Max(l => l.Length);
            sb.Append(CultureInfo.InvariantCulture, $"<flow><block xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x + w}\" yMax=\"{y + 12 * lines.Length}\">");
            for (int k = 0; k < lines.Length; k++)
            {
                double ly = y + 12 * k, cx = x;
                sb.Append(CultureInfo.InvariantCulture, $"<line xMin=\"{x}\" yMin=\"{ly}\" xMax=\"{x + 6 * lines[k].Length}\" yMax=\"{ly + 10}\">");
                foreach (var word in lines[k].Split(' '))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<word xMin=\"{cx}\" yMin=\"{ly}\" xMax=\"{cx + 6 * word.Length}\" yMax=\"{ly + 10}\">{System.Net.WebUtility.HtmlEncode(word)}</word>");
                    cx += 6 * word.Length + 6;
                }
                sb.Append("</line>");
            }
            sb.Append("</block></flow>\n");
        }
        return sb.Append("</page></doc>").ToString();
    }

    [Fact]
    public void A_table_poppler_reads_column_by_column_is_written_row_by_row_with_wrapped_cells_joined()
    {
        var pages = PdfWordBoxes.Parse(Blocks(
            (40, 40, ["Education"]),
            (40, 60, ["2011 - 2015", "2009"]),
            (120, 60, ["BSc Economics", "Diploma in Trade"]),
            (300, 60, ["Kestrel University", "Northvale Institute of", "Commerce"]),
            (40, 110, ["Skills"]),
            (40, 124, ["Excel, SQL, Tableau"]),
            (40, 150, [.. Enumerable.Range(0, 20).Select(i => $"Experience line {i} running across the whole width of the page and more")])));

        var result = PdfReadingOrder.Write(pages);

        result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            ["Education", "2011 - 2015 | BSc Economics | Kestrel University", "2009 | Diploma in Trade | Northvale Institute of Commerce",
            "Skills", "Excel, SQL, Tableau", .. Enumerable.Range(0, 20).Select(i => $"Experience line {i} running across the whole width of the page and more"), "\f"]);
    }

    [Fact]
    public void A_grid_of_skills_gives_one_row_per_line_and_a_line_alone_in_the_first_column_starts_its_own_row()
    {
        var pages = PdfWordBoxes.Parse(Blocks(
            (40, 60, ["Power BI", "Excel", "Lean"]),
            (200, 60, ["Inventory", "Analytics"]),
            (360, 60, ["SAP MM", "Sourcing"]),
            (40, 110, [.. Enumerable.Range(0, 20).Select(i => $"Experience line {i} running across the whole width of the page and more")])));

        PdfReadingOrder.Write(pages).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3).Should().Equal(
            "Power BI | Inventory | SAP MM", "Excel | Analytics | Sourcing", "Lean");
    }

    [Fact]
    public void A_name_set_larger_on_the_baseline_of_its_contact_items_is_not_a_table_row()
    {
        static string Line(double x, double y, double h, string text) =>
            string.Create(CultureInfo.InvariantCulture, $"<flow><block xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x + 80}\" yMax=\"{y + h}\"><line xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x + 80}\" yMax=\"{y + h}\"><word xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x + 80}\" yMax=\"{y + h}\">{text}</word></line></block></flow>");
        var xhtml = "<doc><page width=\"600\" height=\"800\">" + Line(40, 40, 20, "Roe") + Line(200, 45, 10, "jane@example.org")
                    + Line(360, 45, 10, "+33123456789") + Line(480, 45, 10, "Lyon") + "</page></doc>";
        var pages = PdfWordBoxes.Parse(xhtml);

        PdfReadingOrder.Write(pages).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).First().Should().Be("Roe");
    }

    [Fact]
    public void A_sidebar_beside_a_main_column_with_its_own_date_gutter_splits_at_the_sidebar_not_inside_the_main_column()
    {
        // Sidebar (skills, languages) left; the main column has a profile and an education line across it, then a date
        // gutter beside the job entries. The gutter inside the main column must not turn the sidebar's top into a header.
        var pages = PdfWordBoxes.Parse(Blocks(
            (40, 40, ["Maren Tolliver"]),
            (40, 80, ["maren@example.org", "+44 20 7946 0000", "Leeds"]),
            (40, 130, ["Skills"]),
            (40, 146, ["Route planning", "Forecasting", "Excel", "Tableau", "SAP MM"]),
            (40, 220, ["Languages"]),
            (40, 236, ["English", "German"]),
            (200, 80, ["Profile"]),
            (200, 96, ["Planner who keeps two depots running on time and", "on budget through peak season every single year"]),
            (200, 130, ["Experience"]),
            (205, 146, ["2019 - 2023", "2015 - 2019"]),
            (320, 146, ["Route Planner", "Quellbrook Freight", "Planned daily routes for forty vans", "Depot Clerk", "Arnholt Foods",
                        "Kept the yard log", "Cut dock time by a fifth", "Trained new clerks"])));

        var text = PdfReadingOrder.Write(pages).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

        text.IndexOf("Skills").Should().BeGreaterThan(text.IndexOf("Leeds")).And.BeLessThan(text.IndexOf("Profile"));
        text.IndexOf("German").Should().BeLessThan(text.IndexOf("Profile"));
        text.IndexOf("Experience").Should().BeLessThan(text.IndexOf("2019 - 2023"));
    }

    [Fact]
    public void Bullets_poppler_sets_in_a_block_of_their_own_go_back_in_front_of_their_items()
    {
        var pages = PdfWordBoxes.Parse(Blocks(
            (40, 60, ["Certifications"]),
            (40, 76, ["•"]),
            (40, 100, ["•"]),
            (52, 76, ["Certified Cold Chain", "Handler", "Forklift Licence"])));

        PdfReadingOrder.Write(pages).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "Certifications", "• Certified Cold Chain", "Handler", "• Forklift Licence", "\f");
    }

    [Fact]
    public void A_header_row_of_labels_inside_the_page_is_one_row_while_a_footer_band_at_the_edge_is_not()
    {
        var pages = PdfWordBoxes.Parse(Blocks(
            (40, 300, ["Skill Name"]), (200, 300, ["Version Last Used"]), (400, 300, ["Experience"]),
            (40, 316, ["C#, SQL, Java"]),
            (40, 340, [.. Enumerable.Range(0, 20).Select(i => $"Experience line {i} running across the whole width of the page and more")]),
            (40, 780, ["May 2024"]), (250, 780, ["Jane Roe"]), (520, 780, ["1"])));

        var lines = PdfReadingOrder.Write(pages).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().StartWith(["Skill Name | Version Last Used | Experience", "C#, SQL, Java"]);
        lines.Should().Contain("Jane Roe").And.Contain("1").And.NotContain(l => l.Contains(" | Jane Roe"));
    }

    [Fact]
    public void A_columns_headings_strung_into_one_flow_by_poppler_go_back_above_their_text()
    {
        // Sidebar left; in the main column poppler put both headings in one flow ahead of the two sections' text.
        var sidebar = Blocks(Enumerable.Range(0, 12).Select(i => (40.0, 80.0 + 20 * i, new[] { $"Sidebar skill {i}" })).ToArray());
        var main = Blocks(
            (250, 200, ["Experience line one with a job", "Experience line two with a job", "Experience line three with a job"]),
            (250, 96, ["Profile line one about the person", "Profile line two about the person", "Profile line three about her"]));
        var headings = Blocks((250, 80, ["Profile"]), (250, 184, ["Experience"]));
        static string Flows(string doc) => doc[(doc.IndexOf("<flow>", StringComparison.Ordinal))..doc.LastIndexOf("</page>", StringComparison.Ordinal)];
        // The two heading blocks as one flow, then the text flows.
        var headingFlow = "<flow>" + Flows(headings).Replace("</flow>\n<flow>", "", StringComparison.Ordinal)[6..];
        var xhtml = "<doc><page width=\"600\" height=\"800\">\n" + Flows(sidebar) + headingFlow + Flows(main) + "</page></doc>";

        var text = PdfReadingOrder.Write(PdfWordBoxes.Parse(xhtml)).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

        text.IndexOf("Profile").Should().BeLessThan(text.IndexOf("Profile line one about the person"));
        text.IndexOf("Profile line three about her").Should().BeLessThan(text.IndexOf("Experience"));
        text.IndexOf("Experience").Should().BeLessThan(text.IndexOf("Experience line one with a job"));
    }

    [Fact]
    public void A_table_inside_the_main_column_is_written_row_by_row_and_a_first_cell_ending_in_a_dash_takes_its_wrapped_end()
    {
        var pages = PdfWordBoxes.Parse(Blocks(
            [.. Enumerable.Range(0, 14).Select(i => (40.0, 60.0 + 20 * i, new[] { $"Sidebar skill {i}" })),
             (250, 60, ["Profile line one about the person and her work"]),
             (250, 90, ["Period", "07/2024 –", "present", "10/2022 – 06/2024"]),
             (370, 90, ["Role", "Cold Chain Lead"]),
             (480, 90, ["Employer", "Lumtek"]),
             (250, 160, [.. Enumerable.Range(0, 10).Select(i => $"Main column line {i} about the jobs")])]));

        var text = PdfReadingOrder.Write(pages).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        text.Should().ContainInOrder("Period | Role | Employer", "07/2024 – present | Cold Chain Lead | Lumtek", "10/2022 – 06/2024");
    }

    [Fact]
    public void A_page_of_more_blocks_than_the_table_search_takes_keeps_poppler_order()
    {
        (double, double, string[])[] table = [(40, 60, ["2011 - 2015", "2009"]), (120, 60, ["BSc Economics", "Diploma"]), (300, 60, ["Kestrel University", "Northvale"])];
        var filler = Enumerable.Range(0, 400).Select(i => (40.0, 100.0 + 1.5 * i, new[] { "x" }));
        var pages = PdfWordBoxes.Parse(Blocks([.. table, .. filler]));

        PdfReadingOrder.Write(pages).Text.Should().NotContain(" | ");
    }

    [Fact]
    public void Two_blocks_side_by_side_are_not_a_table_and_keep_poppler_order()
    {
        var pages = PdfWordBoxes.Parse(Blocks(
            (40, 60, ["2011 - 2015", "2009"]),
            (120, 60, ["BSc Economics", "Diploma in Trade"])));

        PdfReadingOrder.Write(pages).Text.Should().Be(PdfWordBoxes.PlainText(pages));
    }

    [Fact]
    public void A_single_column_page_comes_out_exactly_as_pdftotext_writes_it()
    {
        var lines = Enumerable.Range(0, 20).Select(i => (40.0, 60.0 + 14 * i, $"A full width line of prose number {i} that runs across the whole page width")).ToArray();
        var pages = PdfWordBoxes.Parse(Xhtml(lines));

        var result = PdfReadingOrder.Write(pages);

        result.Layout.Should().Be(ExtractionLayout.Single);
        result.Text.Should().Be(PdfWordBoxes.PlainText(pages));
    }

    [Fact]
    public void The_text_of_a_link_is_the_words_under_its_rectangle()
    {
        var page = PdfWordBoxes.Parse(Xhtml((50, 50, "Profile: LinkedIn GitHub")))[0];

        PdfReadingOrder.TextUnder(page, new Box(98, 49, 146, 61)).Should().Be("LinkedIn");
    }

    [Theory]
    [InlineData("manage-", "ment", "management,\n\n\f")]
    [InlineData("2015-", "2018", "2015-2018,\n\n\f")]
    public void A_hyphen_at_a_line_end_joins_the_next_line_of_its_flow_and_stays_where_it_is_not_typesetting(string first, string second, string expected)
    {
        string x = "<doc><page width=\"600\" height=\"800\"><flow><block xMin=\"0\" yMin=\"0\" xMax=\"100\" yMax=\"30\">"
                   + $"<line xMin=\"0\" yMin=\"0\" xMax=\"60\" yMax=\"10\"><word xMin=\"0\" yMin=\"0\" xMax=\"60\" yMax=\"10\">{first}</word></line>"
                   + $"<line xMin=\"0\" yMin=\"12\" xMax=\"60\" yMax=\"22\"><word xMin=\"0\" yMin=\"12\" xMax=\"30\" yMax=\"22\">{second}</word><word xMin=\"30.1\" yMin=\"12\" xMax=\"40\" yMax=\"22\">,</word></line>"
                   + "</block></flow></page></doc>";

        var text = PdfWordBoxes.PlainText(PdfWordBoxes.Parse(x));

        text.Should().Be(first + "\n" + second + ",\n\n\f");
        Hyphenation.JoinLineEnds(text).Should().Be(expected);
    }
}
