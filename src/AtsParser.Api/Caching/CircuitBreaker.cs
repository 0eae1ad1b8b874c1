namespace AtsParser.Api.Caching;

/// <summary>
/// Opens on a failure and stays open for a fixed time; afterwards the next call is a trial. While it is open the
/// cache is skipped without a network round trip, so a dead or slow Redis costs nothing per request.
/// </summary>
public sealed class CircuitBreaker(TimeSpan breakFor, TimeProvider? time = null)
{
    readonly TimeProvider _time = time ?? TimeProvider.System;
    long _openUntilTicks;

    public bool IsOpen => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks);

    public void Failed() => Interlocked.Exchange(ref _openUntilTicks, _time.GetUtcNow().Add(breakFor).UtcTicks);

    public void Succeeded() => Interlocked.Exchange(ref _openUntilTicks, 0);
}
