using System.Globalization;
using System.Text;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.Tests.Deployment;
using AtsParser.TestSupport;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>
/// The pdfwords worker's compact reply (protocol 2) against the XHTML of `pdftotext -bbox-layout`: the real worker
/// binary and the real pdftotext on the corpus's PDFs must give the same pages, flows, blocks, lines, words and
/// numbers, bit for bit, so the reading order cannot tell which one read the PDF.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PdfWordsReplyTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_workers_compact_reply_holds_the_same_words_and_numbers_as_pdftotexts_xhtml_for_every_corpus_pdf()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(110));
        var ct = cts.Token;
        var o = new ExtractionOptions();
        var tools = new ToolRegistry(Options.Create(o), Locate);
        using var pool = new PdfWordsPool(tools, Options.Create(o));
        var files = Directory.GetFiles(Corpus.PathOf("pdf"), "*.pdf").Order(StringComparer.Ordinal).ToArray();
        using var tmp = new TempDir("pdfwords-reply");

        foreach (var file in files)
        {
            var bytes = PdfStreams.WithoutTrailingJunk(await File.ReadAllBytesAsync(file, ct));
            var pdf = await tmp.WriteFileAsync(Path.GetFileName(file), bytes, ct);
            var xhtml = await ProcessRunner.RunAsync(ToolCommands.PdfToText(tools.PathOf("pdftotext"), pdf, o), ct);

            var reply = await pool.ReadAsync(bytes, o.MaxPages + 1, ct);

            xhtml.ExitCode.Should().Be(0, Path.GetFileName(file));
            reply.Status.Should().Be(PdfWordsPool.Reply.Ok, Path.GetFileName(file));
            reply.Content.Should().NotBeNull("a protocol-2 worker answers compact data");
            Dump(reply.Content!.Pages).Should().Be(Dump(PdfWordBoxes.Parse(xhtml.StdoutText)), Path.GetFileName(file));
        }
    }

    [Fact]
    public void A_compact_reply_is_read_into_pages_words_and_links_with_its_numbers_untouched()
    {
        var body = new Compact().Page(612, 792).Flow().Box('B', 72, 90.5, 300, 102).Box('L', 72, 90.5, 300, 102)
            .Box('W', 72, 90.5, 110.123456, 102).Text("Jordan").Box('W', 113, 90.5, 300, 102).Text("Müller & <Co>")
            .Link(1, 72, 100, 110, 112, " https://example.org/a?x=1&y=2 ").End();

        var content = PdfWordsReply.Read(body)!;

        content.Pages.Should().ContainSingle().Which.Width.Should().Be(612);
        var line = content.Pages[0].Flows[0].Blocks[0].Lines[0];
        line.Words.Select(w => w.Text).Should().Equal("Jordan", "Müller & <Co>");
        line.Words[0].Box.Should().Be(new Box(72, 90.5, 110.123456, 102));
        content.Links.Should().Equal(new PdfLinkAnnotation(1, "https://example.org/a?x=1&y=2", new Box(72, 100, 110, 112)));
    }

    [Fact]
    public void A_compact_reply_cut_short_or_with_an_unknown_record_is_no_reply()
    {
        var whole = new Compact().Page(612, 792).Flow().Box('B', 1, 2, 3, 4).Box('L', 1, 2, 3, 4).Box('W', 1, 2, 3, 4).Text("word").End();

        PdfWordsReply.Read(whole).Should().NotBeNull();
        PdfWordsReply.Read(whole[..^1]).Should().BeNull();
        PdfWordsReply.Read(whole[..^3]).Should().BeNull();
        PdfWordsReply.Read([.. whole[..^1], (byte)'X', (byte)'E']).Should().BeNull();
        PdfWordsReply.Read(new Compact().Flow().End()).Should().BeNull("a flow before any page");
    }

    [Fact]
    public void A_protocol_1_workers_xhtml_is_not_taken_for_compact_data()
    {
        PdfWordsReply.IsCompact("<doc>\n<page width=\"612.000000\" height=\"792.000000\">\n</page>\n</doc>\n"u8).Should().BeFalse();
        PdfWordsReply.IsCompact(new Compact().End()).Should().BeTrue();
    }

    // One line per element, every number as its bits: equal dumps mean the reading order sees the same input.
    static string Dump(List<PdfPage> pages)
    {
        var sb = new StringBuilder();
        static string N(double v) => BitConverter.DoubleToInt64Bits(v).ToString("x16", CultureInfo.InvariantCulture);
        static string B(Box b) => $"{N(b.XMin)} {N(b.YMin)} {N(b.XMax)} {N(b.YMax)}";
        foreach (var p in pages)
        {
            sb.Append("page ").Append(N(p.Width)).Append(' ').Append(N(p.Height)).Append('\n');
            foreach (var f in p.Flows)
            {
                sb.Append("flow\n");
                foreach (var b in f.Blocks)
                {
                    sb.Append("block ").Append(B(b.Box)).Append('\n');
                    foreach (var l in b.Lines)
                    {
                        sb.Append("line ").Append(B(l.Box)).Append('\n');
                        foreach (var w in l.Words) sb.Append("word ").Append(B(w.Box)).Append(' ').Append(w.Text).Append('\n');
                    }
                }
            }
        }
        return sb.ToString();
    }

    // The worker from PATH, or native/pdfwords/build.sh's, whichever speaks protocol 2 (an older install may not).
    static string? Locate(string binary)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);
        if (binary != PdfWordsPool.Tool) return found;
        var built = Path.Combine(Repo.Root, "native", "pdfwords", "bin", "pdfwords");
        foreach (var candidate in new[] { found, built })
            if (candidate is not null && File.Exists(candidate) && Protocol(candidate) >= 2) return candidate;
        throw new FileNotFoundException("no pdfwords speaking protocol 2: run native/pdfwords/build.sh or scripts/install-deps.sh", built);
    }

    static int Protocol(string path)
    {
        var r = ProcessRunner.RunAsync(ToolCommands.Version(path, ["-v"]), CancellationToken.None).GetAwaiter().GetResult();
        var words = r.StdoutText.Split(' ');
        return words.Length > 1 && words[0] == "pdfwords" && int.TryParse(words[1], CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    sealed class Compact
    {
        readonly List<byte> _bytes = [0, (byte)'P', (byte)'W', (byte)'2'];

        public Compact Page(double w, double h) { _bytes.Add((byte)'P'); Num(w); Num(h); return this; }
        public Compact Flow() { _bytes.Add((byte)'F'); return this; }
        public Compact Box(char tag, double x0, double y0, double x1, double y1) { _bytes.Add((byte)tag); Num(x0); Num(y0); Num(x1); Num(y1); return this; }
        public Compact Text(string s) { var b = Encoding.UTF8.GetBytes(s); _bytes.AddRange(BitConverter.GetBytes(b.Length)); _bytes.AddRange(b); return this; }
        public Compact Link(int page, double x0, double y0, double x1, double y1, string uri)
        {
            _bytes.Add((byte)'K');
            _bytes.AddRange(BitConverter.GetBytes(page));
            Num(x0); Num(y0); Num(x1); Num(y1);
            return Text(uri);
        }
        public byte[] End() { _bytes.Add((byte)'E'); return [.. _bytes]; }
        void Num(double v) => _bytes.AddRange(BitConverter.GetBytes(v));
    }
}
