using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

/// <summary>
/// The per-document budget with the real extractors and fake tools (shell scripts) that are slow on purpose. The
/// tools' own timeouts are far longer than the budget, so without the budget each test runs into its hard timeout.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExtractionBudgetTests : IDisposable
{
    readonly string _bin = Directory.CreateTempSubdirectory("atsparser-budget-tools-").FullName;
    readonly string _marker = "budget-" + Guid.NewGuid().ToString("N")[..12];

    static readonly ExtractionInput Doc = new("not really a word file"u8.ToArray(), new SniffResult(DocumentFormat.Doc, "test"));
    static readonly ExtractionInput Pdf = new("%PDF-1.4\n%%EOF\n"u8.ToArray(), new SniffResult(DocumentFormat.Pdf, "test"));

    [Fact(Timeout = 15_000)]
    public async Task A_doc_whose_first_tool_hangs_stops_at_the_budget_with_extraction_timeout_and_tries_nothing_else()
    {
        Tool("antiword", $"exec sleep 30.{Suffix}");
        Tool("soffice", $"touch '{_bin}/soffice-started'; exec sleep 30.{Suffix}");
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "2", ["Extraction:AntiwordTimeoutSeconds"] = "60", ["Extraction:EnableWordReader"] = "false" });

        var act = () => sp.GetRequiredService<ChainRunner>().RunAsync(Doc, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
        failure.Code.Should().Be(ErrorCodes.ExtractionTimeout);
        failure.Attempts.Select(a => (a.Tool, a.Outcome)).Should().Equal(
            ("antiword", AttemptOutcome.Timeout), ("libreoffice", AttemptOutcome.Skipped), ("libreoffice+ocr", AttemptOutcome.Skipped));
        failure.Attempts.Should().OnlyContain(a => a.Error!.Contains("budget"));
        File.Exists(Path.Combine(_bin, "soffice-started")).Should().BeFalse();
        (await NoToolLeftAsync()).Should().BeTrue();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_later_step_gets_only_what_is_left_of_the_budget_not_its_own_timeout()
    {
        Tool("antiword", "sleep 1; echo 'antiword: not a Word document' >&2; exit 1");
        Tool("soffice", $"exec sleep 30.{Suffix}");
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "3", ["Extraction:LibreOfficeTimeoutSeconds"] = "60", ["Extraction:EnableWordReader"] = "false" });

        var act = () => sp.GetRequiredService<ChainRunner>().RunAsync(Doc, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
        failure.Code.Should().Be(ErrorCodes.ExtractionTimeout);
        failure.Attempts.Select(a => (a.Tool, a.Outcome)).Should().Equal(
            ("antiword", AttemptOutcome.Failed), ("libreoffice", AttemptOutcome.Timeout), ("libreoffice+ocr", AttemptOutcome.Skipped));
        (await NoToolLeftAsync()).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task Ocr_starts_no_new_page_once_the_budget_is_spent()
    {
        Tool("pdfinfo", "echo 'Pages:          10'");
        // pdftoppm ... -singlefile <pdf> <prefix>: the page image is <prefix>.pgm.
        Tool("pdftoppm", $"echo started >> '{_bin}/pages.log'; sleep 1; for a in \"$@\"; do last=$a; done; printf 'P5 1 1 255 x' > \"$last.pgm\"");
        Tool("tesseract", TesseractTsv);
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "2", ["Extraction:OcrConcurrency"] = "1", ["Extraction:MaxOcrPages"] = "10" });

        var act = () => sp.GetRequiredService<ChainRunner>().RunAsync([sp.GetRequiredService<PdfOcrExtractor>()], Pdf, CancellationToken.None);

        (await act.Should().ThrowAsync<ExtractionFailedException>()).Which.Code.Should().Be(ErrorCodes.ExtractionTimeout);
        File.ReadAllLines(Path.Combine(_bin, "pages.log")).Length.Should().BeLessThan(10);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_document_queued_behind_other_documents_ocr_for_longer_than_its_budget_still_gets_its_whole_budget()
    {
        OnePageScan(tesseractSeconds: "1");
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "2", ["Extraction:OcrConcurrency"] = "1" });
        var tools = sp.GetRequiredService<ToolRegistry>();

        // Another document holds OCR's only slot for 3 s, longer than this document's whole budget.
        var other = await tools.AcquireAsync("tesseract", CancellationToken.None);
        _ = Task.Delay(3000).ContinueWith(_ => other.Dispose());
        var result = await sp.GetRequiredService<ChainRunner>().RunAsync([sp.GetRequiredService<PdfOcrExtractor>()], Pdf, CancellationToken.None);

        result.FullText.Should().Contain("accountant");
        result.Attempts.Should().ContainSingle(a => a.Outcome == AttemptOutcome.Success);
    }

    [Fact(Timeout = 20_000)]
    public async Task Queueing_for_a_tool_is_still_bounded_by_four_budgets_of_wall_time()
    {
        OnePageScan(tesseractSeconds: "0");
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "1", ["Extraction:OcrConcurrency"] = "1" });
        var tools = sp.GetRequiredService<ToolRegistry>();
        using var other = await tools.AcquireAsync("tesseract", CancellationToken.None); // never given back

        var act = () => sp.GetRequiredService<ChainRunner>().RunAsync([sp.GetRequiredService<PdfOcrExtractor>()], Pdf, CancellationToken.None);

        (await act.Should().ThrowAsync<ExtractionFailedException>()).Which.Code.Should().Be(ErrorCodes.ExtractionTimeout);
    }

    [Fact(Timeout = 15_000)]
    public async Task The_budget_clock_stops_only_while_the_document_waits_and_holds_no_tool()
    {
        using var budget = new DocumentBudget(TimeSpan.FromSeconds(10));
        using var bound = budget.Bind();
        await Task.Delay(200);
        budget.WaitStarted();                // only waiting: stopped
        var atWait = budget.Spent;
        await Task.Delay(400);
        budget.Spent.Should().Be(atWait);
        budget.WaitEnded(acquired: true);    // holding: running
        budget.WaitStarted();                // a second page waits while the first holds a slot: still running
        await Task.Delay(300);
        budget.Spent.Should().BeGreaterThan(atWait + TimeSpan.FromMilliseconds(250));
        budget.WaitEnded(acquired: false);
        budget.Released();
        DocumentBudget.Current.Should().BeSameAs(budget);
    }

    // tesseract writes TSV (OcrTsv reads it): a header row, then one word row; the text may hold spaces.
    const string TesseractTsv = "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t900\\t30\\t95\\tExperienced accountant with audit, tax and payroll work for many clients\\n'";

    void OnePageScan(string tesseractSeconds)
    {
        Tool("pdfinfo", "echo 'Pages:          1'");
        Tool("pdftoppm", "for a in \"$@\"; do last=$a; done; printf 'P5 1 1 255 x' > \"$last.pgm\"");
        Tool("tesseract", $"sleep {tesseractSeconds}; {TesseractTsv}");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_native_step_after_slow_in_process_readers_gets_what_is_left_of_the_budget_counted_from_the_start()
    {
        Tool("antiword", "exit 1");
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "3" });
        var waiter = new Fake(["antiword"], TimeSpan.FromMinutes(1));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var act = () => sp.GetRequiredService<ChainRunner>().RunAsync([new Fake([], TimeSpan.FromSeconds(2)), waiter], Doc, CancellationToken.None);

        (await act.Should().ThrowAsync<ExtractionFailedException>()).Which.Code.Should().Be(ErrorCodes.ExtractionTimeout);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4.5), "the native step had about 1 s of the 3 s left, not 3 s of its own");
        waiter.Token.CanBeCanceled.Should().BeTrue();
    }

    [Fact(Timeout = 20_000)]
    public async Task An_in_process_reader_gets_the_request_token_and_a_budget_it_overran_skips_the_native_steps()
    {
        Tool("antiword", "exit 1");
        var sp = Services(new() { ["Extraction:DocumentBudgetSeconds"] = "1" });
        var reader = new Fake([], TimeSpan.FromSeconds(1.5));

        var act = () => sp.GetRequiredService<ChainRunner>().RunAsync([reader, new Fake(["antiword"], TimeSpan.Zero)], Doc, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
        reader.Token.CanBeCanceled.Should().BeFalse("an in-process reader is not handed the budget's timer");
        failure.Code.Should().Be(ErrorCodes.ExtractionTimeout);
        failure.Attempts.Select(a => (a.Tool, a.Outcome)).Should().Equal(("fake", AttemptOutcome.TooLittleText), ("fake", AttemptOutcome.Skipped));
    }

    /// <summary>Waits (ignoring cancellation when it has no tools, as a busy reader would) and finds no text.</summary>
    sealed class Fake(IReadOnlyList<string> tools, TimeSpan work) : IExtractor
    {
        public string Name => "fake";
        public IReadOnlyList<string> Tools => tools;
        public CancellationToken Token { get; private set; }

        public async Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
        {
            Token = ct;
            if (tools.Count == 0) Thread.Sleep(work);
            else await Task.Delay(work, ct);
            return new ExtractorOutput("");
        }
    }

    // A fraction no other process on the machine sleeps for, so a leftover is ours.
    string Suffix => ((uint)_marker.GetHashCode() % 1000).ToString("000");

    void Tool(string name, string body)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["Extraction:LibreOfficePoolSize"] = "0";
        settings["Extraction:TempRoot"] = Path.Combine(_bin, "tmp");
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddExtraction(config);
        services.AddSingleton(sp => new ToolRegistry(sp.GetRequiredService<IOptions<ExtractionOptions>>(),
            binary => File.Exists(Path.Combine(_bin, binary)) ? Path.Combine(_bin, binary) : null));
        return services.BuildServiceProvider();
    }

    async Task<bool> NoToolLeftAsync()
    {
        for (int i = 0; i < 100; i++)
        {
            if (Procs.FindByCommandLine($"sleep 30.{Suffix}") is null) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public void Dispose()
    {
        try { Directory.Delete(_bin, recursive: true); } catch (IOException) { }
    }
}
