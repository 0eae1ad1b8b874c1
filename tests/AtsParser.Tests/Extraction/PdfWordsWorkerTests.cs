using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.Tests.Deployment;
using AtsParser.TestSupport;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>
/// The warm pdfwords worker in front of pdftotext (PDF_ENABLE_WORKER), with the real binary (native/pdfwords, built
/// by scripts/install-deps.sh) on PDFs written here, and with fake workers that hang or die.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PdfWordsWorkerTests : IAsyncDisposable
{
    readonly string _bin = Directory.CreateTempSubdirectory("atsparser-pdfwords-").FullName;
    readonly string _marker = ((uint)Guid.NewGuid().GetHashCode() % 1000).ToString("000");
    readonly List<ServiceProvider> _providers = [];

    static readonly string[] Left = ["EXPERIENCE", "Senior accountant, Northwind Traders", "Audited ledgers for forty clients", "Prepared quarterly tax returns", "Ran monthly payroll for the office"];
    static readonly string[] Right = ["SKILLS", "Excel and SQL reporting", "Financial statements", "Bookkeeping and audits", "German and English"];

    [Fact(Timeout = 60_000)]
    public async Task A_two_column_page_made_here_is_read_by_the_worker_column_by_column_and_as_pdftotext_reads_it()
    {
        var pdf = TinyPdf.TwoColumns(Left, Right);

        var worker = await Run(Services(), pdf);
        var pdftotext = await Run(Services(new() { ["Extraction:EnablePdfWorker"] = "false" }), pdf);

        worker.ExtractedBy.Should().Be("pdfwords");
        pdftotext.ExtractedBy.Should().Be("pdftotext");
        worker.FullText.Should().Be(pdftotext.FullText);
        worker.Layout.Should().Be(pdftotext.Layout);
        var text = worker.FullText;
        text.Should().StartWith("Jordan Example");
        text.IndexOf("Ran monthly payroll", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("SKILLS", StringComparison.Ordinal));
        text.Should().Contain("Audited ledgers for forty clients\nPrepared quarterly tax returns");
    }

    [Fact(Timeout = 60_000)]
    public async Task Words_of_every_page_come_back_in_page_order()
    {
        var pdf = TinyPdf.Build([new(72, 700, "First page: Staff accountant at Contoso since 2019")], [new(72, 700, "Second page: Bachelor of Commerce, 2018")]);

        var result = await Run(Services(), pdf);

        result.ExtractedBy.Should().Be("pdfwords");
        result.Pages.Should().Be(2);
        result.FullText.Should().Contain("Staff accountant at Contoso since 2019").And.Contain("Bachelor of Commerce, 2018");
        result.FullText.IndexOf("First page", StringComparison.Ordinal).Should().BeLessThan(result.FullText.IndexOf("Second page", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task Link_annotations_come_from_the_worker_with_the_words_under_them_as_the_pdftotext_path_finds_them()
    {
        var pdf = TinyPdf.WithLinks(
            [[new(72, 700, "Jordan Example"), new(72, 680, "GitHub"), new(200, 680, "Portfolio")]],
            [new(1, 70, 676, 115, 690, "https://github.com/jordan-example"), new(1, 198, 676, 250, 690, "https://jordan.example.org/work?a=1&b=2")]);

        var worker = await Run(Services(), pdf);
        var pdftotext = await Run(Services(new() { ["Extraction:EnablePdfWorker"] = "false" }), pdf);

        worker.ExtractedBy.Should().Be("pdfwords");
        worker.Links.Should().Equal(
            new ExtractedLink("https://github.com/jordan-example", "GitHub", 1), new ExtractedLink("https://jordan.example.org/work?a=1&b=2", "Portfolio", 1));
        worker.Links.Should().Equal(pdftotext.Links);
    }

    [Fact]
    public void The_workers_link_lines_are_read_as_the_pdfpig_scan_keeps_links()
    {
        const string reply = "<doc>\n<page width=\"612\" height=\"792\">\n</page>\n" +
            "<link page=\"1\" xMin=\"70\" yMin=\"102\" xMax=\"115\" yMax=\"116\"> https://example.org/a?x=1&amp;y=2 </link>\n" +
            "<link page=\"1\" xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">javascript:alert(1)</link>\n" +
            "<link page=\"3\" xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">https://example.org/past-the-cap</link>\n</doc>\n";

        var links = PdfWordBoxes.ParseLinks(reply, maxPages: 2);

        links.Should().Equal(new PdfLinkAnnotation(1, "https://example.org/a?x=1&y=2", new Box(70, 102, 115, 116)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pdf_over_the_page_cap_is_refused_by_the_worker_as_pdftotext_refuses_it()
    {
        var page = new TinyPdf.Line[] { new(72, 700, "Controller at Fabrikam, budgets and forecasts") };
        var pdf = TinyPdf.Build(page, page, page);

        var act = () => Run(Services(new() { ["Extraction:MaxPages"] = "2" }), pdf);

        var e = (await act.Should().ThrowAsync<DocumentException>()).Which;
        e.Code.Should().Be(ErrorCodes.TooManyPages);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pdf_poppler_cannot_open_is_passed_on_and_pdftotexts_error_code_stands()
    {
        var damaged = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

        var on = await Failure(Services(), damaged);
        var off = await Failure(Services(new() { ["Extraction:EnablePdfWorker"] = "false" }), damaged);

        on.Code.Should().Be(off.Code);
        on.Attempts[0].Tool.Should().Be("pdfwords");
        on.Attempts[0].Outcome.Should().Be(AttemptOutcome.Skipped);
        on.Attempts.Skip(1).Select(a => (a.Tool, a.Outcome)).Should().Equal(off.Attempts.Select(a => (a.Tool, a.Outcome)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_password_protected_pdf_is_still_answered_with_encrypted_document()
    {
        var pdf = File.ReadAllBytes(Corpus.PathOf("hostile/generated/encrypted_userpw_aes256.pdf"));

        var act = () => Run(Services(), pdf);

        // The worker passes it on (poppler needs the password); pdftotext's verdict stops the chain.
        (await act.Should().ThrowAsync<DocumentException>()).Which.Code.Should().Be(ErrorCodes.EncryptedDocument);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_worker_that_hangs_is_killed_at_the_pdf_timeout_and_pdftotext_reads_the_document()
    {
        FakeWorker($"exec sleep 30.{_marker}");
        var sp = Services(new() { ["Extraction:PdfTimeoutSeconds"] = "1" });

        var result = await Run(sp, TinyPdf.TwoColumns(Left, Right));

        result.ExtractedBy.Should().Be("pdftotext");
        result.Attempts.Select(a => (a.Tool, a.Outcome)).Should().Equal(("pdfwords", AttemptOutcome.Timeout), ("pdftotext", AttemptOutcome.Success));
        (await NoWorkerLeftAsync()).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_worker_that_dies_on_a_document_is_passed_over_and_a_new_one_takes_the_next()
    {
        FakeWorker("head -c 8 > /dev/null; exit 1");
        var sp = Services();
        var pdf = TinyPdf.TwoColumns(Left, Right);

        var first = await Run(sp, pdf);
        var second = await Run(sp, pdf);

        first.ExtractedBy.Should().Be("pdftotext");
        first.Attempts[0].Outcome.Should().Be(AttemptOutcome.Skipped);
        first.Attempts[0].Error.Should().Contain("stopped");
        second.ExtractedBy.Should().Be("pdftotext");
        sp.GetRequiredService<PdfWordsPool>().Started.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_protocol_1_worker_answering_xhtml_is_read_as_xhtml_and_never_as_compact_data()
    {
        var words = "Staff accountant at Contoso since 2019, month-end close and audits for forty clients".Split(' ');
        var xhtml = new System.Text.StringBuilder("<doc>\n<page width=\"612.000000\" height=\"792.000000\">\n<flow>\n")
            .Append("<block xMin=\"72.000000\" yMin=\"90.000000\" xMax=\"540.000000\" yMax=\"102.000000\">\n")
            .Append("<line xMin=\"72.000000\" yMin=\"90.000000\" xMax=\"540.000000\" yMax=\"102.000000\">\n");
        for (int k = 0; k < words.Length; k++)
            xhtml.Append($"<word xMin=\"{72 + 30 * k}.000000\" yMin=\"90.000000\" xMax=\"{96 + 30 * k}.000000\" yMax=\"102.000000\">{words[k]}</word>\n");
        xhtml.Append("</line>\n</block>\n</flow>\n</page>\n</doc>\n");
        FakeReply(PdfWordsPool.Reply.Ok, 1, System.Text.Encoding.UTF8.GetBytes(xhtml.ToString()));

        var result = await Run(Services(), TinyPdf.TwoColumns(Left, Right));

        result.ExtractedBy.Should().Be("pdfwords");
        result.FullText.Should().Contain(string.Join(' ', words));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_malformed_compact_reply_is_passed_over_for_pdftotext()
    {
        FakeReply(PdfWordsPool.Reply.Ok, 1, [0, (byte)'P', (byte)'W', (byte)'2', (byte)'P', 1, 2, 3]);

        var result = await Run(Services(), TinyPdf.TwoColumns(Left, Right));

        result.ExtractedBy.Should().Be("pdftotext");
        result.Attempts[0].Outcome.Should().Be(AttemptOutcome.Skipped);
        result.Attempts[0].Error.Should().Contain("malformed");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_worker_binary_that_cannot_be_started_is_passed_over_for_pdftotext()
    {
        FakeWorker("exit 0");
        File.SetUnixFileMode(Path.Combine(_bin, "pdfwords"), UnixFileMode.UserRead);

        var result = await Run(Services(), TinyPdf.TwoColumns(Left, Right));

        result.ExtractedBy.Should().Be("pdftotext");
        result.Attempts[0].Outcome.Should().Be(AttemptOutcome.Skipped);
        result.Attempts[0].Error.Should().Contain("could not be started");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_client_cancel_while_the_worker_reads_stops_at_once_and_kills_the_worker()
    {
        FakeWorker($"exec sleep 30.{_marker}");
        var sp = Services(new() { ["Extraction:PdfTimeoutSeconds"] = "60" });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var act = () => Run(sp, TinyPdf.TwoColumns(Left, Right), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await NoWorkerLeftAsync()).Should().BeTrue();
    }

    [Fact]
    public void With_the_flag_off_the_pdf_chain_is_pdftotext_then_ocr_and_with_it_on_the_worker_comes_first()
    {
        Names(Services(new() { ["Extraction:EnablePdfWorker"] = "false" })).Should().Equal("pdftotext", "ocr");
        Names(Services(new() { ["Extraction:EnablePdfWorker"] = "true" })).Should().Equal("pdfwords", "pdftotext", "ocr");
    }

    [Fact]
    public void A_worker_count_out_of_range_fails_validation_naming_the_setting()
    {
        var result = new ExtractionOptionsValidator().Validate(null, new ExtractionOptions { PdfWorkers = 0 });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(nameof(ExtractionOptions.PdfWorkers));
    }

    static IEnumerable<string> Names(ServiceProvider sp) => sp.GetRequiredService<ExtractorChains>().For(DocumentFormat.Pdf).Select(e => e.Name);

    static Task<ExtractionResult> Run(ServiceProvider sp, byte[] pdf, CancellationToken ct = default) =>
        sp.GetRequiredService<ChainRunner>().RunAsync(new ExtractionInput(pdf, new SniffResult(DocumentFormat.Pdf, "test")), ct);

    static async Task<ExtractionFailedException> Failure(ServiceProvider sp, byte[] pdf)
    {
        var act = () => Run(sp, pdf);
        return (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
    }

    void FakeWorker(string body)
    {
        var path = Path.Combine(_bin, "pdfwords");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    // A worker that answers the first request with this reply whatever it is sent.
    void FakeReply(int status, int pages, byte[] body)
    {
        var reply = Path.Combine(_bin, "reply.bin");
        File.WriteAllBytes(reply, [.. BitConverter.GetBytes(status), .. BitConverter.GetBytes(pages), .. BitConverter.GetBytes(body.Length), .. body]);
        FakeWorker($"cat '{reply}'; exec cat > /dev/null");
    }

    // The real tools from PATH; pdfwords from PATH or native/pdfwords/bin unless a test put a fake one in _bin.
    ServiceProvider Services(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Extraction:LibreOfficePoolSize"] = "0";
        settings["Extraction:EnableOcr"] = "false";
        settings["Extraction:TempRoot"] = Path.Combine(_bin, "tmp");
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddExtraction(config);
        services.AddSingleton(sp => new ToolRegistry(sp.GetRequiredService<IOptions<ExtractionOptions>>(), Locate));
        var sp = services.BuildServiceProvider();
        _providers.Add(sp);
        return sp;
    }

    string? Locate(string binary)
    {
        var fake = Path.Combine(_bin, binary);
        if (File.Exists(fake)) return fake;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, binary)).FirstOrDefault(File.Exists);
        if (onPath is not null || binary != PdfWordsPool.Tool) return onPath;
        var built = Path.Combine(Repo.Root, "native", "pdfwords", "bin", "pdfwords");
        return File.Exists(built) ? built : throw new FileNotFoundException("pdfwords is not installed: run scripts/install-deps.sh or native/pdfwords/build.sh", built);
    }

    async Task<bool> NoWorkerLeftAsync()
    {
        for (int i = 0; i < 100; i++)
        {
            if (Procs.FindByCommandLine($"sleep 30.{_marker}") is null) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sp in _providers) await sp.DisposeAsync();
        try { Directory.Delete(_bin, recursive: true); } catch (IOException) { }
    }
}
