using AtsParser.Core.Extraction;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Extraction;

public class ProcessRunnerTests
{
    // A sleep duration nobody else uses, so /proc finds exactly our grandchild.
    static string UniqueSleep() => $"{Random.Shared.Next(500, 900)}.{Random.Shared.Next(100000, 999999)}";

    [Fact(Timeout = 120_000)]
    public async Task A_timeout_kills_the_process_and_its_grandchild()
    {
        var sleep = UniqueSleep();
        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        var grandchild = Procs.WaitForAsync("sleep " + sleep, watch.Token);

        var act = () => ProcessRunner.RunAsync(TestDummy.Spec("spawn-sleeper", sleep) with { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        await act.Should().ThrowAsync<ToolTimeoutException>();
        grandchild.IsCompletedSuccessfully.Should().BeTrue("the dummy had started its grandchild before the timeout");
        (await Procs.DiesWithin(await grandchild, TimeSpan.FromSeconds(10))).Should().BeTrue("the whole tree is killed");
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancelling_the_token_kills_the_tree_and_throws_operation_cancelled()
    {
        var sleep = UniqueSleep();
        using var client = new CancellationTokenSource();

        var run = ProcessRunner.RunAsync(TestDummy.Spec("spawn-sleeper", sleep) with { Timeout = TimeSpan.FromMinutes(5) }, client.Token);
        var grandchild = await Procs.WaitForAsync("sleep " + sleep, new CancellationTokenSource(TimeSpan.FromSeconds(100)).Token);
        client.Cancel();

        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        (await Procs.DiesWithin(grandchild, TimeSpan.FromSeconds(10))).Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_non_zero_exit_is_reported_with_its_stderr()
    {
        var result = await ProcessRunner.RunAsync(TestDummy.Spec("exit", "3"), CancellationToken.None);

        result.ExitCode.Should().Be(3);
        result.Stderr.Should().Contain("failing on purpose");
    }

    [Fact(Timeout = 120_000)]
    public async Task Flooding_stderr_neither_deadlocks_nor_keeps_more_than_the_cap()
    {
        var result = await ProcessRunner.RunAsync(TestDummy.Spec("flood-stderr", "5000") with { MaxStderrBytes = 64 * 1024 }, CancellationToken.None);

        result.ExitCode.Should().Be(0, "the dummy wrote 5 MB to stderr and finished");
        result.Stderr.Length.Should().BeLessThanOrEqualTo(64 * 1024);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_end_of_a_flooded_stderr_is_kept_because_the_error_is_written_last()
    {
        var result = await ProcessRunner.RunAsync(TestDummy.Spec("flood-stderr-then-fail", "2000") with { MaxStderrBytes = 8 * 1024 }, CancellationToken.None);

        result.ExitCode.Should().Be(2);
        result.Stderr.TrimEnd().Should().EndWith("the real error comes last");
        result.Stderr.Length.Should().BeLessThanOrEqualTo(8 * 1024);
    }

    [Fact(Timeout = 120_000)]
    public async Task Flooding_stdout_neither_deadlocks_nor_keeps_more_than_the_cap()
    {
        var result = await ProcessRunner.RunAsync(TestDummy.Spec("flood-stdout", "20000") with { MaxStdoutBytes = 1024 * 1024 }, CancellationToken.None);

        result.ExitCode.Should().Be(0);
        result.Stdout.Length.Should().Be(1024 * 1024);
        result.StdoutTruncated.Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task Environment_variables_reach_the_child()
    {
        var spec = TestDummy.Spec("env", "OMP_THREAD_LIMIT") with { Environment = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" } };

        var result = await ProcessRunner.RunAsync(spec, CancellationToken.None);

        result.StdoutText.Trim().Should().Be("1");
    }

    [Fact(Timeout = 60_000)]
    public async Task Arguments_with_spaces_quotes_and_shell_characters_arrive_unchanged()
    {
        string[] args = ["two words", "quote\"d", "it's", "$HOME", "semi;colon && rm -rf x", "back\\slash", "Jürgen 简历"];

        var result = await ProcessRunner.RunAsync(TestDummy.Spec(["echo-args", .. args]), CancellationToken.None);

        result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(args);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_binary_is_a_tool_failure_not_a_crash()
    {
        var act = () => ProcessRunner.RunAsync(new ProcessSpec("/nonexistent/tool", []), CancellationToken.None);

        await act.Should().ThrowAsync<ToolFailedException>();
    }
}
