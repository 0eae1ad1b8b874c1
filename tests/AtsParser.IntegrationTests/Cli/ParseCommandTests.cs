using System.Text.Json;
using AtsParser.Cli.Commands;
using AtsParser.IntegrationTests.Jobs;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Cli;

/// <summary>`ats parse` end to end against the service on a real Kestrel port.</summary>
public sealed class ParseCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("ats-cli-").FullName;

    [Fact(Timeout = 180_000)]
    public async Task An_interrupted_run_resumes_where_it_stopped_and_uploads_every_file_exactly_once()
    {
        var parser = new ScriptedParser { Delay = TimeSpan.FromMilliseconds(250) };
        await using var host = await JobsHost.StartAsync(parser: parser, kestrel: true, settings: [("Jobs:Concurrency", "1")]);
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in", "nested")).Parent!.FullName;
        for (var i = 0; i < 9; i++)
        {
            var (name, bytes) = TestDocs.Text("cli", i);
            await File.WriteAllBytesAsync(Path.Combine(input, i % 2 == 0 ? "" : "nested", name), bytes);
        }
        var output = Path.Combine(_dir, "out", "results.jsonl");
        var settings = new ParseSettings([input], host.BaseAddress!.ToString(), null, output, null, BatchSize: 3, JobsInFlight: 1, PollSeconds: 0.1);

        using var interrupt = new CancellationTokenSource();
        var first = ParseRun.RunAsync(settings, interrupt.Token);
        while (!File.Exists(output + ".ats-state") || !(await File.ReadAllTextAsync(output + ".ats-state")).Contains("\"done\"")) await Task.Delay(20);
        await interrupt.CancelAsync();
        var firstExit = await first;
        var linesAfterInterrupt = File.ReadAllLines(output).Length;
        var second = await ParseRun.RunAsync(settings, CancellationToken.None);

        firstExit.Should().Be(ExitCodes.Interrupted);
        linesAfterInterrupt.Should().BeInRange(1, 8);
        second.Should().Be(ExitCodes.Success);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("sha256").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(9);
        lines.Select(l => l.GetProperty("status").GetString()).Should().AllBe("succeeded");
        (await host.ScalarAsync("SELECT count(*) FROM job_items")).Should().Be(9);
        (await host.ScalarAsync("SELECT count(DISTINCT sha256) FROM job_items")).Should().Be(9);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_run_with_a_failing_file_exits_2_and_writes_its_error_code_to_the_csv()
    {
        await using var host = await JobsHost.StartAsync(kestrel: true);
        var input = Directory.CreateDirectory(Path.Combine(_dir, "mixed")).FullName;
        var (name, bytes) = TestDocs.Text("csv", 1);
        await File.WriteAllBytesAsync(Path.Combine(input, name), bytes);
        File.Copy(Corpus.PathOf("hostile/generated/encrypted_userpw_rc4_128.pdf"), Path.Combine(input, "locked.pdf"));
        var output = Path.Combine(_dir, "results.csv");

        var exit = await ParseRun.RunAsync(new ParseSettings([input], host.BaseAddress!.ToString(), null, output, null, PollSeconds: 0.1), CancellationToken.None);

        exit.Should().Be(ExitCodes.PartialFailure);
        var rows = File.ReadAllLines(output);
        rows[0].Should().StartWith("path,sha256,status,error_code");
        rows.Should().HaveCount(3);
        rows.Single(r => r.StartsWith("locked.pdf", StringComparison.Ordinal)).Should().Contain(",failed,encrypted_document,");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unreachable_server_exits_3()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "lonely")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(input, "a.txt"), TestDocs.Text("unreachable", 1).Bytes);

        var exit = await ParseRun.RunAsync(new ParseSettings([input], $"http://127.0.0.1:{LocalProcess.FreePort()}", null, Path.Combine(_dir, "r.jsonl"), null, Retries: 0), CancellationToken.None);

        exit.Should().Be(ExitCodes.Unreachable);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
