using System.Text.RegularExpressions;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.TestSupport;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>The in-process Word 97-2003 reader against antiword on real files, and against damaged and foreign bytes.</summary>
public partial class WordDocReaderTests
{
    public static TheoryData<string> WordFiles() => new()
    {
        "doc/klair_resume.doc", "doc/hebver_korot_chaim_ran.doc",
    };

    [Fact]
    public void Control_characters_and_embedded_objects_do_not_reach_the_text()
    {
        // antiword prints this file's embedded picture bytes as words; the reader drops objects and control codes.
        var text = WordDocReader.Read(File.ReadAllBytes(Corpus.PathOf("hostile/public/tika_testControlCharacters.doc")), 300_000, CancellationToken.None).Text;
        text.Should().NotBeNullOrWhiteSpace();
        text.Where(c => c < ' ' && c is not ('\n' or '\t')).Should().BeEmpty();
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(WordFiles))]
    public async Task The_reader_finds_every_word_antiword_prints(string file)
    {
        var path = Corpus.PathOf(file);
        var text = WordDocReader.Read(await File.ReadAllBytesAsync(path), 300_000, CancellationToken.None).Text;
        var antiword = await ProcessRunner.RunAsync(new ProcessSpec("antiword", ["-w", "0", "-m", "UTF-8.txt", path]) { Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);
        antiword.ExitCode.Should().Be(0);

        var ours = Words(text);
        var theirs = Words(antiword.StdoutText).ToList();
        theirs.Should().NotBeEmpty();
        var missing = theirs.Where(w => !ours.Contains(w)).ToList();
        ((double)missing.Count / theirs.Count).Should().BeLessThan(0.02, $"words antiword printed but the reader did not: {string.Join(' ', missing.Take(20))}");
    }

    [Fact]
    public void Text_boxes_that_antiword_never_prints_are_read()
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf("doc/klair_resume.doc"));
        WordBinary.TextBoxChars(bytes).Should().BeGreaterThan(0);
        var text = WordDocReader.Read(bytes, 300_000, CancellationToken.None).Text;
        text.Should().Contain("DECLARATION").And.Contain("KISHAN KUMAR");
        text.IndexOf("KISHAN KUMAR", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("DECLARATION", StringComparison.Ordinal), "body text boxes follow the main text");
    }

    [Fact]
    public void A_hyperlink_field_gives_its_target_and_visible_text_and_its_code_is_not_text()
    {
        var r = WordDocReader.Read(File.ReadAllBytes(Corpus.PathOf("doc/hebver_korot_chaim_ran.doc")), 300_000, CancellationToken.None);
        r.Links.Should().Contain(l => l.Target.StartsWith("mailto:", StringComparison.Ordinal) && l.Text!.Contains('@'));
        r.Text.Should().NotContain("HYPERLINK");
    }

    [Fact]
    public void The_text_is_cut_near_the_character_limit()
    {
        var text = WordDocReader.Read(File.ReadAllBytes(Corpus.PathOf("doc/klair_resume.doc")), 500, CancellationToken.None).Text;
        text.Length.Should().BeLessThan(1200);
    }

    [Theory]
    [InlineData("hostile/public/tika_testWORD6.doc")]
    [InlineData("hostile/generated/doc_truncated_4k.doc")]
    [InlineData("hostile/generated/ole_header_random_body.doc")]
    [InlineData("hostile/generated/docx_named.doc")]
    [InlineData("hostile/generated/empty.doc")]
    public void What_the_reader_cannot_read_is_invalid_data_so_the_chain_goes_on(string file)
    {
        var act = () => WordDocReader.Read(File.ReadAllBytes(Corpus.PathOf(file)), 300_000, CancellationToken.None);
        act.Should().Throw<InvalidDataException>();
    }

    [Fact(Timeout = 60_000)]
    public async Task Damaged_copies_either_read_or_fail_as_invalid_data_and_never_hang()
    {
        await Task.Yield();
        var random = new Random(20261202);
        foreach (var file in new[] { "doc/klair_resume.doc", "doc/hebver_korot_chaim_ran.doc" })
        {
            var original = File.ReadAllBytes(Corpus.PathOf(file));
            for (int round = 0; round < 400; round++)
            {
                var bytes = (byte[])original.Clone();
                int changes = 1 + random.Next(16);
                for (int k = 0; k < changes; k++)
                {
                    // Most damage goes where the structures are: the header, the FAT and directory sectors, the FIB.
                    int at = random.Next(4) == 0 ? random.Next(bytes.Length) : random.Next(Math.Min(bytes.Length, 4096));
                    bytes[at] = (byte)random.Next(256);
                }
                if (round % 5 == 0) bytes = bytes[..random.Next(bytes.Length)];
                try { WordDocReader.Read(bytes, 300_000, CancellationToken.None); }
                catch (InvalidDataException) { }
            }
        }
    }

    static HashSet<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();

    [GeneratedRegex(@"[\p{L}\p{N}]{2,}")]
    private static partial Regex WordPattern();
}
