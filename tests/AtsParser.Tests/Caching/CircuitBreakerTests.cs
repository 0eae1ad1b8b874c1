using AtsParser.Api.Caching;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Caching;

public sealed class CircuitBreakerTests
{
    sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_failure_opens_the_breaker_until_the_break_time_has_passed()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(15), clock);

        breaker.Failed();
        var openAtFirst = breaker.IsOpen;
        clock.Now += TimeSpan.FromSeconds(14);
        var openBeforeTheEnd = breaker.IsOpen;
        clock.Now += TimeSpan.FromSeconds(2);

        openAtFirst.Should().BeTrue();
        openBeforeTheEnd.Should().BeTrue();
        breaker.IsOpen.Should().BeFalse("the next call is a trial");
    }

    [Fact]
    public void A_success_closes_the_breaker_at_once()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromMinutes(1), new ManualClock());
        breaker.Failed();

        breaker.Succeeded();

        breaker.IsOpen.Should().BeFalse();
    }
}
