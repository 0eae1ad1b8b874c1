using System.Text.Json;
using System.Text.RegularExpressions;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

public sealed class FidelityHost : ExtractionHost;

/// <summary>What a person sees on the corpus documents reaches the parser: link targets, reading order, rows.</summary>
[Collection(ExtractionCollection.Name)]
public partial class ExtractionFidelityTests(FidelityHost host) : IClassFixture<FidelityHost>
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(14)).Token;

    static async Task<ExtractionResult> ExtractAsync(string file, CancellationToken ct)
    {
        await using var services = CorpusEvaluation.BuildServices();
        var bytes = await File.ReadAllBytesAsync(Corpus.PathOf(file), ct);
        return await services.GetRequiredService<ChainRunner>().RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file))), ct);
    }

    [Fact(Timeout = 900_000)]
    public async Task Every_email_phone_and_link_of_every_answer_key_is_in_the_extracted_text_or_links()
    {
        var ct = _ct;
        var missing = new List<string>();
        int total = 0;
        foreach (var keyPath in Directory.GetFiles(Corpus.PathOf("truth"), "*.json").Order(StringComparer.Ordinal))
        {
            var key = JsonDocument.Parse(await File.ReadAllTextAsync(keyPath, ct)).RootElement;
            var file = key.GetProperty("file").GetString()!;
            var result = await ExtractAsync(file, ct);
            var text = result.FullText;
            var targets = result.Links.Select(l => l.Target).ToList();
            var digits = PhoneLike().Matches(text).Select(m => Digits(m.Value)).ToList();
            foreach (var e in Values(key, "emails"))
            {
                total++;
                if (!text.Contains(e, StringComparison.OrdinalIgnoreCase) && !targets.Any(t => t.Equals("mailto:" + e, StringComparison.OrdinalIgnoreCase)))
                    missing.Add($"{file} email {e}");
            }
            foreach (var p in Values(key, "phones"))
            {
                total++;
                if (!digits.Any(d => d.Contains(Digits(p), StringComparison.Ordinal))) missing.Add($"{file} phone {p}");
            }
            foreach (var l in Values(key, "links"))
            {
                total++;
                var k = Matching.Link(l);
                // A URL wrapped at the line end ("linkedin.com/in/jan" + "e-roe/") is still in the text.
                if (!text.Contains(k, StringComparison.OrdinalIgnoreCase) && !text.Replace("\n", "").Contains(k, StringComparison.OrdinalIgnoreCase)
                    && !targets.Any(t => Matching.Link(t).Equals(k, StringComparison.OrdinalIgnoreCase)))
                    missing.Add($"{file} link {l}");
            }
        }
        // Only the images can still miss values: a picture has no link targets (icon-only links), and OCR of a
        // 587-pixel-wide screenshot, even enlarged, misreads one e-mail. 11 before small images were enlarged.
        missing.Where(m => !m.StartsWith("image/", StringComparison.Ordinal)).Should().BeEmpty();
        total.Should().BeGreaterThan(90);
        missing.Count.Should().BeLessThanOrEqualTo(8, string.Join("\n", missing));
    }

    [Theory(Timeout = 300_000)]
    [InlineData("pdf/deedy_resume-openfont.pdf")]
    [InlineData("pdf/rm_template_modern-two-column.pdf")]
    public async Task On_a_two_column_pdf_the_first_jobs_title_employer_and_dates_are_adjacent_lines(string file)
    {
        var ct = _ct;
        var key = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus.PathOf($"truth/{Path.GetFileName(file)}.json"), ct)).RootElement;
        var job = key.GetProperty("experience")[0];

        var result = await ExtractAsync(file, ct);

        result.Layout.Should().Be(new ExtractionLayout(ExtractionLayout.MultiColumn, 2));
        var lines = result.FullText.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var values = new[] { job.GetProperty("title").GetString()!, job.GetProperty("company").GetString()!, job.GetProperty("start").GetString()! };
        // A run of consecutive lines, each holding one of the three, that holds all three: no other line cuts in.
        bool Holds(string l) => values.Any(v => l.Contains(v, StringComparison.OrdinalIgnoreCase));
        bool found = false;
        for (int i = 0; i < lines.Count && !found; i++)
        {
            int j = i;
            while (j < lines.Count && Holds(lines[j])) j++;
            found = values.All(v => lines.Skip(i).Take(j - i).Any(l => l.Contains(v, StringComparison.OrdinalIgnoreCase)));
        }
        found.Should().BeTrue(string.Join(" / ", values) + " on adjacent lines of\n" + result.FullText);
    }

    [Fact(Timeout = 300_000)]
    public async Task Single_column_pdfs_come_out_in_pdftotext_order_with_only_hyphenation_page_furniture_bullets_and_table_rows_changed()
    {
        var ct = _ct;
        foreach (var file in new[] { "pdf/awesomecv_resume.pdf", "pdf/klair_resume.pdf", "pdf/openresume_laverne-resume.pdf", "pdf/pyresparser_OmkarResume.pdf", "pdf/soupboss_01-Accountant.pdf", "pdf/rm_SophiyaSinghResumeJan24.pdf" })
        {
            var raw = await ProcessRunner.RunAsync(new ProcessSpec("pdftotext", ["-enc", "UTF-8", "-eol", "unix", Corpus.PathOf(file), "-"]) { Timeout = TimeSpan.FromMinutes(2) }, ct);
            var expected = Glyphs.RemoveIcons(TextQuality.Clean(PdfText.Normalize(raw.StdoutText))).Text;

            var result = await ExtractAsync(file, ct);

            // pdftotext drops every line-end hyphen ("2015-" / "2018" becomes 20152018); ours keeps the ones that are text.
            result.Layout!.Kind.Should().NotBe(ExtractionLayout.MultiColumn, file);
            // A table poppler reads column by column is written row by row: the same letters, in another order.
            if (result.Layout.Kind == ExtractionLayout.Table) Sorted(result.FullText).Should().Be(Sorted(expected), file);
            else Letters(result.FullText).Should().Be(Letters(expected), file);
        }
    }

    // Table rows are joined by " | ", and bullets poppler set in a block of their own go back in front of their items:
    // bars and bullets are layout, not text.
    static string Letters(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '|' or '•' or '●' or '▪' or '◦' or '■')).ToArray());
    static string Sorted(string text) => new(Letters(text).Order().ToArray());

    [Fact(Timeout = 300_000)]
    public async Task A_pdfs_link_annotations_come_back_in_the_response_with_their_text_and_page()
    {
        var reply = await host.ParseAsync("deedy.pdf", await File.ReadAllBytesAsync(Corpus.PathOf("pdf/deedy_resume-openfont.pdf")), _ct);

        reply.Status.Should().Be(200);
        var links = reply.Extraction.GetProperty("links").EnumerateArray().ToList();
        links.Should().Contain(l => l.GetProperty("target").GetString() == "https://www.linkedin.com/in/debarghyadas"
                                    && l.GetProperty("text").GetString()!.Contains("debarghyadas") && l.GetProperty("page").GetInt32() == 1);
        var mail = links.Single(l => l.GetProperty("target").GetString() == "mailto:deedy@fb.com");
        mail.TryGetProperty("mailtoMismatch", out var mismatch).Should().BeFalse(mismatch.ToString());
        reply.Extraction.GetProperty("layout").GetProperty("kind").GetString().Should().Be("multi-column");
        reply.Extraction.GetProperty("layout").GetProperty("columns").GetInt32().Should().Be(2);
    }

    static IEnumerable<string> Values(JsonElement key, string field) => key.GetProperty(field).EnumerateArray().Select(v => v.GetString()!);

    static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"[+(]?\d[\d\s().\-/]{5,}\d")]
    private static partial Regex PhoneLike();
}
