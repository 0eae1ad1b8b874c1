using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class WordBinaryTests
{
    [Fact]
    public void Antiword_table_rows_become_one_line_with_separators()
    {
        const string antiword = "KISHAN\n|EMPLOYMENT                 |Designation : Developer      |\n|ACME LTD                   |From:- July-2015 to Present  |\n|                           |Experience:- 10 months       |\nplain | text stays";

        WordBinary.TableRowsAsLines(antiword).Split('\n').Should().Equal(
            "KISHAN", "EMPLOYMENT | Designation : Developer", "ACME LTD | From:- July-2015 to Present", "Experience:- 10 months", "plain | text stays");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })]
    public void A_file_that_is_not_a_whole_word_binary_has_no_text_boxes(byte[] bytes)
    {
        WordBinary.TextBoxChars(bytes).Should().Be(0);
        WordBinary.TextBoxChars(bytes.Concat(new byte[4096]).ToArray()).Should().Be(0);
    }
}
