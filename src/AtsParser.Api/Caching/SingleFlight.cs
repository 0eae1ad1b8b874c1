using System.Collections.Concurrent;
using AtsParser.Core.Extraction;

namespace AtsParser.Api.Caching;

/// <summary>
/// Concurrent identical requests within this process share one execution. The shared work is cancelled only when
/// every waiting caller has gone, so one impatient client cannot fail the others.
/// </summary>
public sealed class SingleFlight<T>
{
    readonly ConcurrentDictionary<string, Flight> _flights = new();

    /// <summary>Returns the result and whether this caller joined a flight another caller started.</summary>
    public async Task<(T Value, bool Joined)> RunAsync(string key, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        while (true)
        {
            var mine = new Flight();
            var flight = _flights.GetOrAdd(key, mine);
            if (!flight.TryJoin()) { _flights.TryRemove(new(key, flight)); continue; } // finished or abandoned: start afresh
            if (ReferenceEquals(flight, mine)) flight.Start(work, () => _flights.TryRemove(new(key, mine)));
            try
            {
                if (ReferenceEquals(flight, mine)) return (await flight.Task.WaitAsync(ct), false);
                // A joiner only waits for another caller's work: it gives its parse slot back meanwhile. Holding it
                // deadlocked the soak: four joiners held every slot while the owner, back from OCR, waited for one.
                return (await ToolWait.WithoutSlotAsync(() => flight.Task.WaitAsync(ct), ct), true);
            }
            finally
            {
                flight.Leave();
            }
        }
    }

    sealed class Flight
    {
        // Not disposed: Leave() may still cancel it after the work ended, and it holds no timer.
        readonly CancellationTokenSource _cts = new();
        readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int _waiters;
        bool _closed;

        public Task<T> Task => _tcs.Task;

        public bool TryJoin()
        {
            lock (this) { if (_closed) return false; _waiters++; return true; }
        }

        public void Leave()
        {
            lock (this)
            {
                if (--_waiters > 0 || _tcs.Task.IsCompleted) return;
                _closed = true;
            }
            _cts.Cancel();
        }

        public void Start(Func<CancellationToken, Task<T>> work, Action done) => _ = Run(work, done);

        async Task Run(Func<CancellationToken, Task<T>> work, Action done)
        {
            try { _tcs.TrySetResult(await work(_cts.Token)); }
            catch (OperationCanceledException) when (_cts.IsCancellationRequested) { _tcs.TrySetCanceled(_cts.Token); }
            catch (Exception e) { _tcs.TrySetException(e); }
            finally
            {
                lock (this) _closed = true;
                done();
            }
        }
    }
}
