using System.Security.Cryptography;
using System.Text.Json;
using AtsParser.Cli.Commands;
using AtsParser.IntegrationTests.Jobs;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Cli;

/// <summary>`ats watch` end to end: a real folder, a real FileSystemWatcher, the service on a real Kestrel port.</summary>
public sealed class WatchCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("ats-watch-").FullName;

    [Fact(Timeout = 120_000)]
    public async Task A_file_copied_in_slowly_is_uploaded_once_complete_and_a_copy_of_it_is_not_uploaded_again()
    {
        await using var host = await JobsHost.StartAsync(kestrel: true);
        var watched = Directory.CreateDirectory(Path.Combine(_dir, "inbox")).FullName;
        var state = Path.Combine(_dir, "state");
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();
        var watch = new WatchRun(new WatchSettings(watched, host.BaseAddress!.ToString(), null, state, StableSeconds: 1.5, RescanSeconds: 5), TextWriter.Synchronized(log));
        var running = watch.RunAsync(stop.Token);

        // Written in 12 pieces, 300 ms apart: the size keeps changing for over 3 s, longer than the stability window.
        var content = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 12).Select(i => $"Line {i} of the slow resume: Jane Doe, Accountant, Ledger Corp.\n")));
        await using (var slow = new FileStream(Path.Combine(watched, "slow.txt"), FileMode.CreateNew, FileAccess.Write, FileShare.Read))
            foreach (var chunk in content.Chunk(content.Length / 12 + 1))
            {
                await slow.WriteAsync(chunk);
                await slow.FlushAsync();
                await Task.Delay(300);
            }
        await File.WriteAllBytesAsync(Path.Combine(watched, "setup.exe"), [0x4D, 0x5A, 1, 2]);
        while (!log.ToString().Contains("uploaded slow.txt") || !log.ToString().Contains("skipped setup.exe")) await Task.Delay(100);
        File.Copy(Path.Combine(watched, "slow.txt"), Path.Combine(watched, "copy-of-slow.txt"));
        while (!log.ToString().Contains("skipped copy-of-slow.txt")) await Task.Delay(100);
        await stop.CancelAsync();
        var exit = await running;

        exit.Should().Be(ExitCodes.Success);
        (await host.ScalarAsync("SELECT count(*) FROM job_items")).Should().Be(1);
        (await host.ScalarAsync("SELECT count(*) FROM job_items WHERE sha256 = @s", ("s", Convert.ToHexStringLower(SHA256.HashData(content))))).Should().Be(1);
        log.ToString().Should().Contain("unsupported extension '.exe'").And.Contain("same content as slow.txt");
        var health = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(state, "health.json"))).RootElement;
        health.GetProperty("status").GetString().Should().Be("stopped");
        health.GetProperty("uploaded").GetInt32().Should().Be(1);
        File.ReadAllLines(Path.Combine(state, "sync-history.jsonl")).Should().ContainSingle();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
