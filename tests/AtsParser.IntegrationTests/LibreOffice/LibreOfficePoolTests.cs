using Xunit;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.IntegrationTests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace AtsParser.IntegrationTests.LibreOffice;

/// <summary>The warm LibreOffice pool against real soffice listeners and real corpus files.</summary>
public sealed class LibreOfficePoolTests
{
    static readonly string[] Documents =
    [
        "doc/klair_resume.doc", "docx/soupboss_01-Accountant.docx", "rtf/gen_soupboss_Mickey01.rtf", "odt/gen_soupboss_Mickey01.odt",
    ];

    // Generous timeouts: the CI machine has 2 cores shared with other jobs, and a cold soffice can take tens of seconds there.
    static ApiFactory Host(int poolSize) => new ApiFactory()
        .With("Extraction:LibreOfficePoolSize", poolSize.ToString())
        .With("Extraction:LibreOfficeTimeoutSeconds", "180").With("Extraction:DocumentBudgetSeconds", "600");

    static ExtractionInput Input(string relative)
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf(relative));
        return new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(relative)));
    }

    static async Task<string> ExtractAsync(ApiFactory host, string relative, CancellationToken ct) =>
        (await host.Services.GetRequiredService<LibreOfficeTextExtractor>().ExtractAsync(Input(relative), ct)).Text;

    static async Task<LibreOfficePool> WarmPoolAsync(ApiFactory host, CancellationToken ct)
    {
        var pool = host.Services.GetRequiredService<LibreOfficePool>();
        (await pool.WarmUpAsync(ct)).Should().BeTrue("python3-uno is installed by scripts/install-deps.sh");
        return pool;
    }

    /// <summary>The workers and soffice processes the pool knows, and any other process naming its profile root.</summary>
    static List<int> AllProcesses(LibreOfficePool pool) =>
        pool.ProcessIds().Concat(LibreOfficeProcesses.Mentioning(pool.ProfileRoot)).Distinct().ToList();

    [Fact(Timeout = 300_000)]
    public async Task Pool_conversions_give_the_same_text_as_cold_conversions_for_doc_docx_rtf_and_odt()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        await using var warm = Host(1);
        await using var cold = Host(0);
        var pool = await WarmPoolAsync(warm, ct);

        foreach (var doc in Documents)
        {
            var before = pool.Converted;
            var pooled = await ExtractAsync(warm, doc, ct);
            var direct = await ExtractAsync(cold, doc, ct);

            pool.Converted.Should().Be(before + 1, $"{doc} should go through a warm listener");
            pooled.Should().Be(direct, $"{doc} should convert the same warm and cold");
            pooled.Length.Should().BeGreaterThan(500);
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Concurrent_conversions_share_the_listeners_and_all_succeed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        await using var host = Host(2);
        var pool = await WarmPoolAsync(host, ct);
        var expected = await Task.WhenAll(Documents.Select(d => ExtractAsync(host, d, ct)));
        var before = pool.Converted;

        var jobs = Enumerable.Range(0, 12).Select(i => (Doc: i % Documents.Length, Task: ExtractAsync(host, Documents[i % Documents.Length], ct))).ToList();
        await Task.WhenAll(jobs.Select(j => j.Task));

        foreach (var (doc, task) in jobs) (await task).Should().Be(expected[doc]);
        pool.Converted.Should().Be(before + 12);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_killed_listener_is_replaced_and_conversions_keep_working()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        await using var host = Host(1);
        var pool = await WarmPoolAsync(host, ct);
        var oldPids = pool.ProcessIds();
        var soffice = LibreOfficeProcesses.Mentioning(pool.ProfileRoot).Where(LibreOfficeProcesses.IsSoffice).ToList();
        soffice.Should().NotBeEmpty();

        foreach (var pid in soffice) System.Diagnostics.Process.GetProcessById(pid).Kill();
        foreach (var pid in soffice) await LibreOfficeProcesses.WaitForExitAsync(pid, ct);
        var during = await ExtractAsync(host, Documents[0], ct);
        (await pool.WarmUpAsync(ct)).Should().BeTrue();
        var before = pool.Converted;
        var after = await ExtractAsync(host, Documents[0], ct);

        during.Should().NotBeEmpty("the document is converted cold while the listener is replaced");
        after.Should().Be(during);
        pool.Converted.Should().Be(before + 1);
        pool.ProcessIds().Should().NotIntersectWith(oldPids);
    }

    [Fact(Timeout = 300_000)]
    public async Task Disposing_the_host_stops_every_listener_and_deletes_the_profiles()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        var host = Host(2);
        var pool = await WarmPoolAsync(host, ct);
        await ExtractAsync(host, Documents[1], ct);
        var root = pool.ProfileRoot;
        var pids = AllProcesses(pool);
        pids.Count.Should().BeGreaterThanOrEqualTo(4, "two workers and at least two soffice processes");

        await host.DisposeAsync();

        pids.Where(LibreOfficeProcesses.IsAlive).Should().BeEmpty();
        LibreOfficeProcesses.Mentioning(root).Should().BeEmpty();
        Directory.Exists(root).Should().BeFalse();
        Directory.GetFiles("/tmp", $"OSL_PIPE_*{Path.GetFileName(root)}*").Should().BeEmpty("the listeners' pipe sockets are removed");
    }

    [Fact(Timeout = 300_000)]
    public async Task A_dispose_during_a_stop_returns_only_once_no_pool_process_is_left()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        await using var host = Host(2);
        var pool = await WarmPoolAsync(host, ct);
        var root = pool.ProfileRoot;
        var pids = AllProcesses(pool);
        pids.Count.Should().BeGreaterThanOrEqualTo(4, "two workers and at least two soffice processes");

        // What the host does on shutdown: StopAsync on the hosted service, then the container disposes it.
        var stop = pool.StopAsync(ct);
        await pool.DisposeAsync();

        pids.Where(LibreOfficeProcesses.IsAlive).Should().BeEmpty("the dispose waited for the stop that was under way");
        LibreOfficeProcesses.Mentioning(root).Should().BeEmpty();
        await stop;
    }

    [Fact(Timeout = 300_000)]
    public async Task A_doc_upload_with_antiword_disabled_is_converted_by_a_warm_listener()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        await using var host = Host(1).With("Extraction:EnableAntiword", "false").With("Extraction:EnableWordReader", "false");
        var pool = await WarmPoolAsync(host, ct);
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/api/v1/parse",
            ApiFactory.Form("file", ("resume.doc", File.ReadAllBytes(Corpus.PathOf(Documents[0])))), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("extraction").GetProperty("extractedBy").GetString().Should().Be("libreoffice");
        pool.Converted.Should().Be(1);
    }

    [Fact(Timeout = 300_000)]
    public async Task Conversions_fall_back_to_cold_when_no_python_can_import_uno()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ct = cts.Token;
        await using var host = Host(2).With("Extraction:LibreOfficePython", "/bin/false");
        var pool = host.Services.GetRequiredService<LibreOfficePool>();

        (await pool.WarmUpAsync(ct)).Should().BeFalse();
        var text = await ExtractAsync(host, Documents[0], ct);

        text.Length.Should().BeGreaterThan(500);
        pool.Converted.Should().Be(0);
        pool.Enabled.Should().BeFalse();
    }
}
