using System.Diagnostics;
using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.TestSupport;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class RtfReaderTests
{
    static string Text(string rtf, int maxChars = 100_000) => RtfReader.Read(Encoding.ASCII.GetBytes(rtf), maxChars, CancellationToken.None).Text;

    [Theory]
    [InlineData(@"{\rtf1\ansi caf\u233\'3f au lait}", "café au lait")]
    [InlineData(@"{\rtf1\ansi\uc2 na\u239\'3f\'3fve}", "naïve")]
    [InlineData(@"{\rtf1\ansi\uc0 \u1055\u1088\u1080}", "При")]
    [InlineData(@"{\rtf1\ansi\uc1 \u-3913\'b7 item}", "• item")]
    [InlineData(@"{\rtf1\ansi {\uc3 a\u233 xyz}b\u233?}", "aébé")]
    public void Unicode_escapes_skip_exactly_their_uc_fallback_characters(string rtf, string expected)
    {
        Text(rtf).Should().Be(expected);
    }

    [Fact]
    public void Unpaired_surrogates_read_as_replacement_characters_and_pairs_as_one_character()
    {
        Text(@"{\rtf1\uc0 a\u-10240 b\u-9216\u-10240 c\u-10179\u-8704 d}").Should().Be("a\uFFFDb\uFFFD\uFFFDc\U0001F600d");
    }

    [Fact]
    public void Hex_escapes_decode_in_the_ansi_code_page()
    {
        Text(@"{\rtf1\ansi\ansicpg1252 Ren\'e9e M\'fcller \'96 Z\'fcrich}").Should().Be("Renée Müller – Zürich");
    }

    [Fact]
    public void Hex_escapes_decode_in_the_code_page_of_the_font_charset()
    {
        var rtf = @"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset204 Arial Cyr;}}" +
                  @"\f1 \'c8\'e2\'e0\'ed \f0 Jos\'e9\par}";

        Text(rtf).Should().Be("Иван José\n");
    }

    [Fact]
    public void Double_byte_code_pages_join_lead_and_trail_bytes()
    {
        var rtf = @"{\rtf1\ansi\ansicpg932{\fonttbl{\f0\fcharset128 MS Mincho;}}\f0 \'93\'fa\'96\'7b}";

        Text(rtf).Should().Be("日本");
    }

    [Fact]
    public void Binary_data_is_skipped_even_when_it_holds_braces_and_backslashes()
    {
        Text(@"{\rtf1 Jane {\*\objdata \bin7 {}\\}\{}Doe}").Should().Be("Jane Doe");
    }

    [Fact]
    public void Nested_groups_keep_their_text_and_skipped_destinations_drop_theirs()
    {
        var rtf = @"{\rtf1{\fonttbl{\f0 Times;}}{\colortbl;\red0\green0\blue0;}{\info{\author Someone}}{\*\generator Writer;}" +
                  @"{\stylesheet{\s1 Heading 1;}}A{\b B{\i C{\ul D}}}{\*\unknowndest {hidden}}E{\pict\pngblip 89504e47}F}";

        Text(rtf).Should().Be("ABCDEF");
    }

    [Fact]
    public void A_table_row_reads_as_one_line_with_pipe_separators()
    {
        var rtf = @"{\rtf1\trowd\cellx1000\cellx2000\cellx3000\pard\intbl Acme Corp\cell\pard\intbl Engineer\cell\pard\intbl 2019 \endash  2021\cell\row" +
                  @"\trowd\cellx1000\cellx2000\pard\intbl Beta\cell\cell\row\pard After\par}";

        Text(rtf).Should().Be("Acme Corp | Engineer | 2019 – 2021\nBeta\nAfter\n");
    }

    [Fact]
    public void Hyperlink_fields_keep_their_visible_text_and_return_the_target_as_a_link()
    {
        var rtf = @"{\rtf1 Profile: {\field{\*\fldinst {HYPERLINK ""https://www.linkedin.com/in/jane-doe"" \\o ""tip""}}{\fldrslt {LinkedIn}}}" +
                  @" and {\field{\*\fldinst HYPERLINK \\l ""_Toc1""}{\fldrslt here}}\par}";

        var r = RtfReader.Read(Encoding.ASCII.GetBytes(rtf), 100_000, CancellationToken.None);

        r.Text.Should().Be("Profile: LinkedIn and here\n");
        r.Links.Should().Equal(new RtfReader.RtfLink("https://www.linkedin.com/in/jane-doe", "LinkedIn"));
    }

    [Fact]
    public void Hyperlink_field_results_give_the_link_its_visible_text_across_formatting_groups()
    {
        var rtf = @"{\rtf1 {\field{\*\fldinst HYPERLINK ""mailto:jane.roe@example.org""}{\fldrslt {\ul\cf1 jane.roe}{\ul @example.org}}}\par" +
                  @"{\field{\*\fldinst HYPERLINK ""https://github.com/jroe""}{\fldrslt GitHub}}\par" +
                  @"{\field{\*\fldinst HYPERLINK ""https://example.org/no-result""}}\par}";

        var r = RtfReader.Read(Encoding.ASCII.GetBytes(rtf), 100_000, CancellationToken.None);

        r.Text.Should().Be("jane.roe@example.org\nGitHub\n\n");
        r.Links.Should().Equal(
            new RtfReader.RtfLink("mailto:jane.roe@example.org", "jane.roe@example.org"),
            new RtfReader.RtfLink("https://github.com/jroe", "GitHub"),
            new RtfReader.RtfLink("https://example.org/no-result", null));
    }

    [Fact]
    public void Text_boxes_are_kept_and_page_headers_come_first()
    {
        var rtf = @"{\rtf1{\header\pard Jane Doe\par}Body{\shp{\*\shpinst{\sp{\sn shapeType}{\sv 202}}{\shptxt EXPERIENCE\par}}{\shprslt fallback}}\par}";

        Text(rtf).Should().Be("Jane Doe\n\nBodyEXPERIENCE\n\n");
    }

    [Fact]
    public void Output_stops_at_the_character_cap()
    {
        var rtf = "{\\rtf1 " + string.Concat(Enumerable.Repeat("word ", 100_000)) + "}";

        Text(rtf, maxChars: 1000).Length.Should().BeInRange(1000, 1100);
    }

    [Fact]
    public void Groups_nested_past_the_cap_are_refused_as_corrupt_instead_of_recursing()
    {
        var rtf = "{\\rtf1 " + new string('{', 10_000) + "x" + new string('}', 10_000) + "}";

        var act = () => Text(rtf);

        act.Should().Throw<DocumentException>().Which.Code.Should().Be(ErrorCodes.CorruptDocument);
    }

    [Fact(Timeout = 30_000)]
    public async Task Hostile_rtf_files_end_in_text_or_a_corrupt_verdict_quickly()
    {
        foreach (var file in Directory.GetFiles(Corpus.PathOf("hostile"), "*.rtf", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file, CancellationToken.None);
            var sw = Stopwatch.StartNew();
            try { RtfReader.Read(bytes, 300_000, CancellationToken.None).Text.Length.Should().BeLessThan(300_100, file); }
            catch (DocumentException e) { e.Code.Should().Be(ErrorCodes.CorruptDocument, file); }
            sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), file);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("rtf/gen_soupboss_01-Accountant.rtf")]
    [InlineData("rtf/gen_soupboss_Mickey01.rtf")]
    public async Task Corpus_rtf_gives_the_words_pandoc_gives(string file)
    {
        var path = Corpus.PathOf(file);
        var pandoc = await Pandoc(path, CancellationToken.None);

        var ours = Words(RtfReader.Read(await File.ReadAllBytesAsync(path, CancellationToken.None), 300_000, CancellationToken.None).Text);

        var theirs = Words(pandoc);
        theirs.Should().NotBeEmpty();
        ((double)theirs.Count(ours.Contains) / theirs.Count).Should().BeGreaterThanOrEqualTo(0.98);
    }

    static HashSet<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '▪', '•', '|', '.', ',', ';', ':', '(', ')')).Where(w => w.Any(char.IsLetterOrDigit)).ToHashSet();

    static async Task<string> Pandoc(string path, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var psi = new ProcessStartInfo("pandoc") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--sandbox", "-f", "rtf", "-t", "plain", "--wrap=none", path }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        try
        {
            var output = await p.StandardOutput.ReadToEndAsync(timeout.Token);
            await p.WaitForExitAsync(timeout.Token);
            p.ExitCode.Should().Be(0);
            return output;
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }
}
