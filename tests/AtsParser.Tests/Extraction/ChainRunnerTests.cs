using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using FluentAssertions;
using Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AtsParser.Tests.Extraction;

public class ChainRunnerTests
{
    static readonly ExtractionInput Input = new("irrelevant"u8.ToArray(), new SniffResult(DocumentFormat.Docx, "test"));

    // The real registrations, with a fake machine: every tool is installed except `missing`.
    static ChainRunner Runner(Dictionary<string, string?>? settings = null, params string[] missing)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddLogging().AddExtraction(config);
        services.AddSingleton(sp => new ToolRegistry(sp.GetRequiredService<IOptions<ExtractionOptions>>(),
            binary => missing.Contains(binary) ? null : "/usr/bin/" + binary));
        return services.BuildServiceProvider().GetRequiredService<ChainRunner>();
    }

    [Fact]
    public async Task A_failing_extractor_falls_back_to_the_next_one_and_both_attempts_are_recorded()
    {
        var chain = new[] { FakeExtractor.Throws("first", new ToolFailedException("pandoc", "boom", 1)), FakeExtractor.Returns("second", FakeExtractor.GoodText) };

        var result = await Runner().RunAsync(chain, Input, CancellationToken.None);

        result.ExtractedBy.Should().Be("second");
        result.Attempts.Select(a => (a.Tool, a.Outcome)).Should().Equal(("first", AttemptOutcome.Failed), ("second", AttemptOutcome.Success));
        result.Attempts[0].Error.Should().Contain("boom");
    }

    [Fact]
    public async Task The_first_usable_extractor_wins_and_later_ones_are_never_called()
    {
        var later = FakeExtractor.Returns("later", FakeExtractor.GoodText);

        var result = await Runner().RunAsync([FakeExtractor.Returns("first", FakeExtractor.GoodText), later], Input, CancellationToken.None);

        result.ExtractedBy.Should().Be("first");
        later.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Disabled_and_missing_tools_are_skipped_without_running_and_recorded_with_the_reason()
    {
        var pandoc = FakeExtractor.Returns("pandoc", FakeExtractor.GoodText, "pandoc");
        var office = FakeExtractor.Returns("libreoffice", FakeExtractor.GoodText, "soffice");
        var runner = Runner(new() { ["Extraction:EnablePandoc"] = "false" }, "soffice");

        var result = await runner.RunAsync([pandoc, office, FakeExtractor.Returns("openxml", FakeExtractor.GoodText)], Input, CancellationToken.None);

        pandoc.Calls.Should().Be(0);
        office.Calls.Should().Be(0);
        result.Attempts.Select(a => (a.Tool, a.Outcome)).Should().Equal(
            ("pandoc", AttemptOutcome.Disabled), ("libreoffice", AttemptOutcome.Unavailable), ("openxml", AttemptOutcome.Success));
        result.Attempts[1].Error.Should().Contain("not installed");
    }

    [Fact]
    public async Task Too_little_text_counts_as_a_failure()
    {
        var result = await Runner().RunAsync([FakeExtractor.Returns("thin", "Page 1"), FakeExtractor.Returns("full", FakeExtractor.GoodText)], Input, CancellationToken.None);

        result.Attempts[0].Outcome.Should().Be(AttemptOutcome.TooLittleText);
        result.ExtractedBy.Should().Be("full");
    }

    [Fact]
    public async Task Garbage_text_counts_as_a_failure()
    {
        var garbage = string.Concat(Enumerable.Repeat("\uE001\uE002\uE003 \uFFFD\uFFFD ab ", 20));

        var result = await Runner().RunAsync([FakeExtractor.Returns("broken-fonts", garbage), FakeExtractor.Returns("ocr", FakeExtractor.GoodText)], Input, CancellationToken.None);

        result.Attempts[0].Outcome.Should().Be(AttemptOutcome.Garbage);
        result.ExtractedBy.Should().Be("ocr");
    }

    [Fact]
    public async Task A_tool_timeout_moves_on_to_the_next_extractor()
    {
        var chain = new[] { FakeExtractor.Throws("slow", new ToolTimeoutException("soffice", TimeSpan.FromSeconds(60))), FakeExtractor.Returns("fast", FakeExtractor.GoodText) };

        var result = await Runner().RunAsync(chain, Input, CancellationToken.None);

        result.Attempts.Select(a => a.Outcome).Should().Equal(AttemptOutcome.Timeout, AttemptOutcome.Success);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_client_cancel_stops_the_chain_at_once_without_trying_the_next_extractor()
    {
        var started = new TaskCompletionSource();
        var next = FakeExtractor.Returns("next", FakeExtractor.GoodText);
        using var client = new CancellationTokenSource();

        var run = Runner().RunAsync([FakeExtractor.Hangs("hanging", started), next], Input, client.Token);
        await started.Task;
        client.Cancel();

        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        next.Calls.Should().Be(0);
    }

    [Fact]
    public async Task An_encrypted_document_stops_the_chain()
    {
        var next = FakeExtractor.Returns("next", FakeExtractor.GoodText);

        var act = () => Runner().RunAsync([FakeExtractor.Throws("pdftotext", new DocumentException(ErrorCodes.EncryptedDocument)), next], Input, CancellationToken.None);

        (await act.Should().ThrowAsync<DocumentException>()).Which.Code.Should().Be(ErrorCodes.EncryptedDocument);
        next.Calls.Should().Be(0);
    }

    [Fact]
    public async Task A_hostile_document_stops_the_chain_even_with_a_corrupt_code()
    {
        var next = FakeExtractor.Returns("libreoffice", FakeExtractor.GoodText);
        var hostile = new DocumentException(ErrorCodes.CorruptDocument, "DTD") { StopsChain = true };

        var act = () => Runner().RunAsync([FakeExtractor.Throws("openxml", hostile), next], Input, CancellationToken.None);

        await act.Should().ThrowAsync<DocumentException>();
        next.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Ocr_is_not_repeated_when_an_earlier_extractor_already_ocred_every_page()
    {
        var ocr = FakeExtractor.Returns("ocr", FakeExtractor.GoodText, "tesseract");
        var thin = new ExtractorOutput("Jane") { OcrUsed = true, OcrCoveredAllPages = true };

        var act = () => Runner().RunAsync([FakeExtractor.Returns("pdftotext", thin), ocr], Input, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
        ocr.Calls.Should().Be(0);
        failure.Attempts.Select(a => a.Outcome).Should().Equal(AttemptOutcome.TooLittleText, AttemptOutcome.Skipped);
        failure.Code.Should().Be(ErrorCodes.NoText);
    }

    [Fact]
    public async Task A_text_extractor_that_needed_ocr_is_named_with_an_ocr_suffix()
    {
        var output = new ExtractorOutput(FakeExtractor.GoodText) { OcrUsed = true, OcrPages = 1 };

        var result = await Runner().RunAsync([FakeExtractor.Returns("pdftotext", output)], Input, CancellationToken.None);

        result.ExtractedBy.Should().Be("pdftotext+ocr");
        result.OcrUsed.Should().BeTrue();
    }

    [Fact]
    public async Task Text_beyond_the_character_cap_is_truncated_and_flagged()
    {
        var runner = Runner(new() { ["Extraction:MaxExtractedChars"] = "1000" });

        var result = await runner.RunAsync([FakeExtractor.Returns("big", new string('a', 5000))], Input, CancellationToken.None);

        result.Chars.Should().Be(1000);
        result.Truncated.Should().BeTrue();
    }

    [Fact]
    public async Task An_extractor_that_stopped_reading_at_the_cap_makes_the_result_truncated_even_when_the_text_fits()
    {
        var output = new ExtractorOutput(FakeExtractor.GoodText) { Truncated = true };

        var result = await Runner().RunAsync([FakeExtractor.Returns("text", output)], Input, CancellationToken.None);

        result.Truncated.Should().BeTrue();
        result.FullText.Should().Be(FakeExtractor.GoodText);
    }

    [Fact]
    public async Task Text_with_crlf_line_ends_beyond_the_cap_still_fills_the_cap_after_cleaning()
    {
        var runner = Runner(new() { ["Extraction:MaxExtractedChars"] = "1000" });

        var result = await runner.RunAsync([FakeExtractor.Returns("big", string.Concat(Enumerable.Repeat("Audit, tax.\r\n", 2000)))], Input, CancellationToken.None);

        result.Chars.Should().Be(1000);
        result.Truncated.Should().BeTrue();
        result.FullText.Should().NotContain("\r");
    }

    [Theory]
    [InlineData(ErrorCodes.ExtractionTimeout, "timeout", "timeout")]
    [InlineData(ErrorCodes.NoText, "little", "little")]
    [InlineData(ErrorCodes.CorruptDocument, "corrupt", "failed")]
    [InlineData(ErrorCodes.CorruptDocument, "corrupt", "timeout")]
    [InlineData(ErrorCodes.ExtractionFailed, "failed", "little")]
    [InlineData(ErrorCodes.ExtractionFailed, "garbage", "timeout")]
    [InlineData(ErrorCodes.ExtractionFailed, "disabled", "disabled")]
    [InlineData(ErrorCodes.ExtractionTimeout, "disabled", "timeout")]
    public async Task The_final_error_code_follows_from_what_every_attempt_did(string code, params string[] outcomes)
    {
        var chain = outcomes.Select((o, i) => o switch
        {
            "timeout" => FakeExtractor.Throws($"t{i}", new ToolTimeoutException("tool", TimeSpan.FromSeconds(1))),
            "little" => FakeExtractor.Returns($"l{i}", "Jane"),
            "corrupt" => FakeExtractor.Throws($"c{i}", new DocumentException(ErrorCodes.CorruptDocument, "damaged xref")),
            "failed" => FakeExtractor.Throws($"f{i}", new ToolFailedException("tool", "exit 1", 1)),
            "garbage" => FakeExtractor.Returns($"g{i}", new string('\uFFFD', 100)),
            _ => FakeExtractor.Returns($"d{i}", FakeExtractor.GoodText, "pandoc"),
        }).ToArray();
        var runner = Runner(new() { ["Extraction:EnablePandoc"] = "false" });

        var act = () => runner.RunAsync(chain, Input, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
        failure.Code.Should().Be(code);
        failure.Attempts.Should().HaveCount(outcomes.Length);
    }

    [Fact]
    public void The_chains_are_written_out_per_format_in_fallback_order()
    {
        var chains = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build())
            .BuildServiceProvider().GetRequiredService<ExtractorChains>();

        chains.For(DocumentFormat.Pdf).Select(e => e.Name).Should().Equal("pdfwords", "pdftotext", "ocr");
        chains.For(DocumentFormat.Doc).Select(e => e.Name).Should().Equal("word", "antiword", "libreoffice", "libreoffice+ocr");
        chains.For(DocumentFormat.Docx).Select(e => e.Name).Should().Equal("openxml", "pandoc", "libreoffice");
        Enum.GetValues<DocumentFormat>().Should().OnlyContain(f => chains.For(f).Count > 0);
    }
}
