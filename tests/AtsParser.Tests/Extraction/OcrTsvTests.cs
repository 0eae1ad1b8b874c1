using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>Tesseract TSV rows built inline: text as tesseract writes it, lines broken only at a column-wide gap.</summary>
public class OcrTsvTests
{
    const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    static string Word(int block, int par, int line, int word, int left, string text, int height = 30) =>
        $"5\t1\t{block}\t{par}\t{line}\t{word}\t{left}\t{100 * line}\t{20 * text.Length}\t{height}\t95.1\t{text}\n";

    [Fact]
    public void Words_join_with_spaces_lines_with_newlines_and_paragraphs_with_a_blank_line()
    {
        var tsv = Header + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
                  + Word(1, 1, 1, 1, 100, "Jane") + Word(1, 1, 1, 2, 200, "Roe")
                  + Word(1, 1, 2, 1, 100, "jane@example.org")
                  + Word(2, 1, 1, 1, 100, "Experience");

        OcrTsv.ToText(tsv).Should().Be("Jane Roe\njane@example.org\n\nExperience\n");
    }

    [Fact]
    public void A_gap_wider_than_two_word_heights_breaks_the_line_so_employer_and_city_stay_apart()
    {
        var tsv = Header + Word(1, 1, 1, 1, 100, "Quellbrook") + Word(1, 1, 1, 2, 320, "Freight") + Word(1, 1, 1, 3, 2100, "Leeds,")
                  + Word(1, 1, 1, 4, 2240, "UK");

        OcrTsv.ToText(tsv).Should().Be("Quellbrook Freight\nLeeds, UK\n");
    }

    [Fact]
    public void Empty_words_and_rows_above_word_level_are_skipped()
    {
        var tsv = Header + "4\t1\t1\t1\t1\t0\t100\t100\t500\t30\t-1\t\n" + Word(1, 1, 1, 1, 100, " ") + Word(1, 1, 1, 2, 160, "Skills");

        OcrTsv.ToText(tsv).Should().Be("Skills\n");
    }
}
