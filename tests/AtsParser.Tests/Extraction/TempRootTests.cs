using System.Diagnostics;
using AtsParser.Api.Parse;
using AtsParser.Core.Extraction;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Extraction;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TempRootTests : IDisposable
{
    const UnixFileMode Dir0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    readonly string _base = Directory.CreateTempSubdirectory("atsparser-roots-").FullName;

    ExtractionOptions Options() => new() { TempRoot = _base };

    [Fact]
    public async Task Each_instance_gets_its_own_0700_root_with_0700_call_directories_and_0600_files()
    {
        var first = Options().TempDirectory;
        var second = Options().TempDirectory;

        using var tmp = new TempDir(first, "pdf");
        var written = await tmp.WriteFileAsync("input.pdf", "%PDF-1.4"u8.ToArray(), CancellationToken.None);

        Path.GetDirectoryName(first).Should().Be(_base.TrimEnd('/'));
        Path.GetFileName(first).Should().MatchRegex($"^atsparser-{Environment.ProcessId}-[0-9a-f]{{12}}$");
        second.Should().NotBe(first, "two instances never share a root");
        File.GetUnixFileMode(first).Should().Be(Dir0700);
        File.GetUnixFileMode(tmp.Path).Should().Be(Dir0700);
        File.GetUnixFileMode(written).Should().Be(File0600);
    }

    [Fact]
    public async Task A_spooled_upload_is_a_0600_file_inside_the_instance_root()
    {
        var root = Options().TempDirectory;

        await using var upload = await SpooledUpload.WriteAsync(root, new MemoryStream("resume bytes"u8.ToArray()), "cv.txt", "text/plain", 1_000, CancellationToken.None);

        Path.GetDirectoryName(upload.Path).Should().Be(root);
        File.GetUnixFileMode(upload.Path!).Should().Be(File0600);
        File.GetUnixFileMode(root).Should().Be(Dir0700);
    }

    [Fact(Timeout = 30_000)]
    public async Task Start_up_sweeps_the_roots_of_gone_instances_and_keeps_live_ones()
    {
        var host = Environment.MachineName;
        using var self = Process.GetCurrentProcess();
        var started = self.StartTime.ToUniversalTime().Ticks;
        var deadPid = await ExitedPidAsync();
        var crashed = Root($"atsparser-{deadPid}-aaaaaaaaaaaa", $"{host}\n{deadPid}\n{started}");
        var pidReused = Root($"atsparser-{Environment.ProcessId}-bbbbbbbbbbbb", $"{host}\n{Environment.ProcessId}\n42");
        var live = Root($"atsparser-{Environment.ProcessId}-cccccccccccc", $"{host}\n{Environment.ProcessId}\n{started}");
        var otherHostFresh = Root("atsparser-1-dddddddddddd", "another-host\n1\n42");
        var otherHostStale = Root("atsparser-1-eeeeeeeeeeee", "another-host\n1\n42", age: TimeSpan.FromHours(30));
        var noOwnerStale = Root("atsparser-7-ffffffffffff", null, age: TimeSpan.FromHours(30));
        var noOwnerFresh = Root("atsparser-7-abcabcabcabc", null);
        var unrelated = Root("atsparser", null, age: TimeSpan.FromHours(30));
        var options = Options();
        var keeper = new TempRootKeeper(Microsoft.Extensions.Options.Options.Create(options), NullLogger<TempRootKeeper>.Instance);

        await keeper.StartAsync(CancellationToken.None);

        Directory.Exists(crashed).Should().BeFalse("its process is gone");
        Directory.Exists(pidReused).Should().BeFalse("its pid now belongs to a process that started at another time");
        Directory.Exists(otherHostStale).Should().BeFalse("its owner has not refreshed it for longer than TEMP_SWEEP_AFTER_HOURS");
        Directory.Exists(noOwnerStale).Should().BeFalse();
        new[] { live, otherHostFresh, noOwnerFresh, unrelated }.Should().OnlyContain(d => Directory.Exists(d));
        File.ReadAllText(Path.Combine(options.TempDirectory, ".owner")).Should().StartWith($"{host}\n{Environment.ProcessId}\n");
        File.GetUnixFileMode(Path.Combine(options.TempDirectory, ".owner")).Should().Be(File0600);

        await keeper.StopAsync(CancellationToken.None);
        Directory.Exists(options.TempDirectory).Should().BeFalse("a clean stop removes the empty root");
    }

    [Fact]
    public async Task A_root_with_something_left_in_it_survives_the_stop_so_the_leak_stays_visible()
    {
        var options = Options();
        var keeper = new TempRootKeeper(Microsoft.Extensions.Options.Options.Create(options), NullLogger<TempRootKeeper>.Instance);
        await keeper.StartAsync(CancellationToken.None);
        var leaked = new TempDir(options.TempDirectory, "leak");

        await keeper.StopAsync(CancellationToken.None);

        Directory.Exists(leaked.Path).Should().BeTrue();
    }

    string Root(string name, string? owner, TimeSpan? age = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_base, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "input.pdf"), "left behind by a crash");
        if (owner is not null) File.WriteAllText(Path.Combine(dir, ".owner"), owner + "\n");
        if (age is { } a)
        {
            var then = DateTime.UtcNow - a;
            if (owner is not null) File.SetLastWriteTimeUtc(Path.Combine(dir, ".owner"), then);
            Directory.SetLastWriteTimeUtc(dir, then);
        }
        return dir;
    }

    static async Task<int> ExitedPidAsync()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await p.WaitForExitAsync();
        return p.Id;
    }

    public void Dispose()
    {
        try { Directory.Delete(_base, recursive: true); } catch (IOException) { }
    }
}
