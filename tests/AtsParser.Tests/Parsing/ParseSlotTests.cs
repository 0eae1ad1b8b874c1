using AtsParser.Api.Parse;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Tests.Extraction;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// Parse slots bound the documents working in the process; a document that only waits on a native tool (OCR,
/// LibreOffice) gives its share back for that long, so slow tool documents do not starve cheap ones into server_busy.
/// </summary>
public class ParseSlotTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    static readonly ExtractionInput Input = new("irrelevant"u8.ToArray(), new SniffResult(DocumentFormat.Image, "test"));

    static ParseSlots Slots(int concurrency, double queueSeconds = 0.3, int maxInFlight = 0) =>
        new(Options.Create(new ParseLimitOptions { Concurrency = concurrency, QueueTimeoutSeconds = queueSeconds, MaxInFlight = maxInFlight }),
            NullLogger<ParseSlots>.Instance);

    static ChainRunner Runner()
    {
        var services = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build());
        services.AddSingleton(sp => new ToolRegistry(sp.GetRequiredService<IOptions<ExtractionOptions>>(), binary => "/usr/bin/" + binary));
        return services.BuildServiceProvider().GetRequiredService<ChainRunner>();
    }

    /// <summary>An extractor that signals when it runs and finishes when the test says so.</summary>
    static FakeExtractor Gated(TaskCompletionSource started, TaskCompletionSource release, params string[] tools) =>
        new("gated", async ct =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
            return new ExtractorOutput(FakeExtractor.GoodText);
        }, tools);

    // Document A holds the only slot and runs `extractor` through the real chain runner.
    async Task<(Task<ExtractionResult> Run, ParseSlots.Slot Slot)> StartDocument(ParseSlots slots, IExtractor extractor)
    {
        var slot = await slots.EnterAsync(background: false, _ct);
        var run = Task.Run(async () =>
        {
            using var bound = ToolWait.Bind(slot);
            return await Runner().RunAsync([extractor], Input, _ct);
        }, _ct);
        return (run, slot);
    }

    [Fact]
    public async Task A_document_waiting_on_a_native_tool_lets_another_document_take_its_slot()
    {
        var slots = Slots(concurrency: 1);
        TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously), release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var (ocr, slotA) = await StartDocument(slots, Gated(started, release, "tesseract"));
        await started.Task.WaitAsync(_ct);

        using (var slotB = await slots.EnterAsync(background: false, _ct))
        {
            slots.Active.Should().Be(1, "B works while A only waits on tesseract");
            slots.Admitted.Should().Be(2);
        }

        release.TrySetResult();
        (await ocr).ExtractedBy.Should().Be("gated");
        slots.Active.Should().Be(1, "A took its share back once the tool finished");
        slotA.Dispose();
        slots.Active.Should().Be(0);
        slots.Admitted.Should().Be(0);
    }

    [Fact]
    public async Task An_in_process_extractor_keeps_its_slot_and_a_second_request_is_refused_server_busy()
    {
        var slots = Slots(concurrency: 1);
        TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously), release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var (reader, slotA) = await StartDocument(slots, Gated(started, release));
        await started.Task.WaitAsync(_ct);

        var refused = async () => await slots.EnterAsync(background: false, _ct);

        (await refused.Should().ThrowAsync<CodedException>()).Which.Code.Should().Be(ErrorCodes.ServerBusy);
        slots.Admitted.Should().Be(1, "the refused request gave its admission back");
        release.TrySetResult();
        await reader;
        slotA.Dispose();
    }

    [Fact]
    public async Task A_document_whose_tool_finished_waits_for_a_free_share_before_it_works_again()
    {
        var slots = Slots(concurrency: 1);
        TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously), release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var (ocr, slotA) = await StartDocument(slots, Gated(started, release, "tesseract"));
        await started.Task.WaitAsync(_ct);
        var slotB = await slots.EnterAsync(background: false, _ct);

        release.TrySetResult();
        await Task.Delay(200, _ct);
        ocr.IsCompleted.Should().BeFalse("B holds the only share");
        slots.Active.Should().Be(1);

        slotB.Dispose();
        (await ocr.WaitAsync(_ct)).ExtractedBy.Should().Be("gated");
        slots.Active.Should().Be(1);
        slotA.Dispose();
        slots.Active.Should().Be(0);
    }

    [Fact]
    public async Task Documents_waiting_on_tools_still_count_against_the_in_flight_limit()
    {
        var slots = Slots(concurrency: 1, maxInFlight: 2);
        var a = await slots.EnterAsync(false, _ct);
        a.Yield();
        var b = await slots.EnterAsync(false, _ct);
        b.Yield();

        var third = async () => await slots.EnterAsync(background: false, _ct);

        (await third.Should().ThrowAsync<CodedException>()).Which.Code.Should().Be(ErrorCodes.ServerBusy);
        slots.Active.Should().Be(0);
        a.Dispose();
        b.Dispose();
        slots.Admitted.Should().Be(0);
    }

    [Fact]
    public async Task A_slot_disposed_while_yielded_or_reclaimed_twice_never_returns_more_than_it_took()
    {
        var slots = Slots(concurrency: 2);
        var a = await slots.EnterAsync(false, _ct);
        a.Yield();
        a.Yield();
        a.Dispose();
        a.Dispose();
        await a.ReclaimAsync(_ct);
        slots.Active.Should().Be(0);
        slots.Admitted.Should().Be(0);

        var b = await slots.EnterAsync(false, _ct);
        b.Yield();
        await b.ReclaimAsync(_ct);
        await b.ReclaimAsync(_ct);
        slots.Active.Should().Be(1);
        b.Dispose();
        slots.Active.Should().Be(0);
        // The semaphores are still at their limits: two more enter, a third waits and is refused.
        using var c = await slots.EnterAsync(false, _ct);
        using var d = await slots.EnterAsync(false, _ct);
        var e = async () => await slots.EnterAsync(false, _ct);
        await e.Should().ThrowAsync<CodedException>();
    }
}

/// <summary>A request that joins another's parse of the same bytes (single flight) must not hold a slot while the
/// owner, back from its native tool, needs one: with one slot that was a deadlock (the soak hung at concurrency 8).</summary>
public class SingleFlightSlotTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_joiner_gives_its_slot_back_while_it_waits_so_the_owner_can_finish_after_its_tool()
    {
        var slots = new ParseSlots(Options.Create(new ParseLimitOptions { Concurrency = 1, QueueTimeoutSeconds = 5 }), NullLogger<ParseSlots>.Instance);
        var flights = new AtsParser.Api.Caching.SingleFlight<string>();
        TaskCompletionSource inTool = new(TaskCreationOptions.RunContinuationsAsynchronously), toolDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<string> Request(bool owner) 
        {
            using var slot = await slots.EnterAsync(background: false, _ct);
            using var bound = ToolWait.Bind(slot);
            var (value, _) = await flights.RunAsync("same-bytes", async token =>
            {
                // The owner's native step: slot given back while the tool runs, taken back after.
                return await ToolWait.WithoutSlotAsync(async () =>
                {
                    inTool.TrySetResult();
                    await toolDone.Task.WaitAsync(token);
                    return "text";
                }, token);
            }, _ct);
            return value;
        }

        var owner = Task.Run(() => Request(owner: true), _ct);
        await inTool.Task.WaitAsync(_ct);
        var joiner = Task.Run(() => Request(owner: false), _ct);
        await Task.Delay(300, _ct);
        toolDone.TrySetResult();

        var both = await Task.WhenAll(owner, joiner).WaitAsync(TimeSpan.FromSeconds(20), _ct);

        both.Should().Equal("text", "text");
        slots.Active.Should().Be(0);
        slots.Admitted.Should().Be(0);
    }
}
