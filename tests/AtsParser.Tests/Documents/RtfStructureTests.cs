using System.Text;
using AtsParser.Core.Documents;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Documents;

public class RtfStructureTests
{
    [Theory]
    [InlineData("rtf/gen_soupboss_01-Accountant.rtf")]
    [InlineData("rtf/gen_soupboss_Mickey01.rtf")]
    [InlineData("hostile/public/tika_testRTFEmbeddedFiles.rtf")]
    [InlineData("hostile/public/tika_testRTFInvalidUnicode.rtf")]
    public void Real_rtf_files_pass_the_structure_check(string file)
    {
        var act = () => RtfStructure.Check(File.ReadAllBytes(Corpus.PathOf(file)));

        act.Should().NotThrow();
    }

    [Fact]
    public void Groups_nested_deeper_than_the_cap_are_refused_as_corrupt()
    {
        var rtf = "{\\rtf1 " + new string('{', RtfStructure.MaxGroupDepth) + "x" + new string('}', RtfStructure.MaxGroupDepth) + "}";

        var act = () => RtfStructure.Check(Encoding.ASCII.GetBytes(rtf));

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.CorruptDocument);
    }

    [Fact]
    public void A_bin_that_claims_more_bytes_than_follow_is_refused_as_corrupt()
    {
        var act = () => RtfStructure.Check("{\\rtf1 Jane {\\*\\objdata \\bin2147483647 abc}}"u8);

        act.Should().Throw<DocumentException>().Which.Detail.Should().Contain("2,147,483,647");
    }

    [Fact]
    public void Braces_inside_bin_data_and_escaped_braces_do_not_count_as_groups()
    {
        var inner = new string('{', RtfStructure.MaxGroupDepth + 10);
        var rtf = $"{{\\rtf1 {{\\*\\objdata \\bin{inner.Length} {inner}}} \\{{literal\\}} text}}";

        var act = () => RtfStructure.Check(Encoding.ASCII.GetBytes(rtf));

        act.Should().NotThrow();
    }
}
