using AtsParser.Api.Caching;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Caching;

public sealed class SingleFlightTests
{
    [Fact(Timeout = 10_000)]
    public async Task Concurrent_callers_with_the_same_key_share_one_execution()
    {
        var flights = new SingleFlight<int>();
        var release = new TaskCompletionSource();
        var runs = 0;
        async Task<int> Work(CancellationToken ct) { Interlocked.Increment(ref runs); await release.Task.WaitAsync(ct); return 42; }

        var callers = Enumerable.Range(0, 5).Select(_ => flights.RunAsync("k", Work, CancellationToken.None)).ToList();
        release.SetResult();
        var results = await Task.WhenAll(callers);

        runs.Should().Be(1);
        results.Should().OnlyContain(r => r.Value == 42);
        results.Count(r => !r.Joined).Should().Be(1);
    }

    [Fact(Timeout = 10_000)]
    public async Task One_caller_giving_up_does_not_cancel_the_work_for_the_others()
    {
        var flights = new SingleFlight<int>();
        var release = new TaskCompletionSource();
        using var impatient = new CancellationTokenSource();
        async Task<int> Work(CancellationToken ct) { await release.Task.WaitAsync(ct); return 7; }

        var first = flights.RunAsync("k", Work, impatient.Token);
        var second = flights.RunAsync("k", Work, CancellationToken.None);
        impatient.Cancel();
        release.SetResult();

        await first.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await second).Value.Should().Be(7);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_later_call_after_completion_runs_the_work_again()
    {
        var flights = new SingleFlight<int>();
        var runs = 0;
        Task<int> Work(CancellationToken ct) => Task.FromResult(Interlocked.Increment(ref runs));

        await flights.RunAsync("k", Work, CancellationToken.None);
        var again = await flights.RunAsync("k", Work, CancellationToken.None);

        again.Value.Should().Be(2);
        again.Joined.Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failure_reaches_every_waiting_caller()
    {
        var flights = new SingleFlight<int>();
        var release = new TaskCompletionSource();
        async Task<int> Work(CancellationToken ct) { await release.Task; throw new InvalidOperationException("boom"); }

        var callers = Enumerable.Range(0, 3).Select(_ => flights.RunAsync("k", Work, CancellationToken.None)).ToList();
        release.SetResult();

        foreach (var c in callers) await c.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>();
    }
}
