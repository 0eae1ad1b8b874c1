namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// Real time, except that every timer it creates (Polly's retry waits) is recorded and fires at once: a test sees
/// which waits were asked for without sleeping through them. Give it only to code whose timers are waits.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits { get { lock (_waits) return [.. _waits]; } }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_waits) _waits.Add(dueTime);
        return base.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
