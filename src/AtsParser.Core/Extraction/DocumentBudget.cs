using System.Diagnostics;

namespace AtsParser.Core.Extraction;

/// <summary>
/// The time one document may spend being extracted (Extraction:DocumentBudgetSeconds). It counts the document's own
/// work, not the time it stands in a tool's queue behind other documents: its clock stops while the document has a
/// step waiting for a tool slot and none holding one. Without that, a burst of images at concurrency 8 spent the
/// budget queueing for OCR's two slots and answered 504 extraction_timeout for files that take 3 s each (soak,
/// 2026-12-02: 3 × 504 at 60.7 s). Queueing is still bounded: the whole extraction, queue included, stops at
/// <see cref="WallFactor"/> × the budget.
/// </summary>
public sealed class DocumentBudget : IDisposable
{
    /// <summary>How many budgets the extraction may take in wall time, queueing included.</summary>
    public const int WallFactor = 4;

    static readonly AsyncLocal<DocumentBudget?> Ambient = new();

    readonly object _gate = new();
    readonly TimeSpan _total;
    readonly long _started = Stopwatch.GetTimestamp();
    // Made when a native step first asks for the token: in-process readers take milliseconds and are not handed it,
    // and most documents never reach a tool (for a plain-text read the timers and links were a tenth of the cost).
    CancellationTokenSource? _work, _wall, _either, _request;
    TimeSpan _spent;
    long _since = Stopwatch.GetTimestamp();
    int _waiting, _holding;
    bool _paused, _disposed;

    public DocumentBudget(TimeSpan total) => _total = total;

    /// <summary>Cancelled once the document's own work time, or the wall-time bound, is spent.</summary>
    public CancellationToken Token
    {
        get
        {
            lock (_gate)
            {
                if (_either is null)
                {
                    _work = new CancellationTokenSource();
                    if (!_paused) _work.CancelAfter(Left(_total - WorkTime()));
                    _wall = new CancellationTokenSource(Left(_total * WallFactor - Stopwatch.GetElapsedTime(_started)));
                    _either = CancellationTokenSource.CreateLinkedTokenSource(_work.Token, _wall.Token);
                }
                return _either.Token;
            }
        }
    }

    /// <summary><see cref="Token"/> linked to the request's: what a native step is handed (one for the whole chain).</summary>
    public CancellationToken TokenFor(CancellationToken request)
    {
        var budget = Token;
        lock (_gate) return (_request ??= CancellationTokenSource.CreateLinkedTokenSource(request, budget)).Token;
    }

    public bool IsSpent
    {
        get
        {
            lock (_gate)
                return _either?.IsCancellationRequested ?? (WorkTime() >= _total || Stopwatch.GetElapsedTime(_started) >= _total * WallFactor);
        }
    }

    static TimeSpan Left(TimeSpan left) => left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>The budget of the extraction running in this async flow, if any (the chain binds it).</summary>
    public static DocumentBudget? Current => Ambient.Value;

    /// <summary>Makes this the ambient budget until the handle is disposed.</summary>
    public IDisposable Bind()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Callback(() => Ambient.Value = previous);
    }

    /// <summary>Work time spent so far (the clock is stopped while the document only queues).</summary>
    public TimeSpan Spent
    {
        get
        {
            lock (_gate) return WorkTime();
        }
    }

    TimeSpan WorkTime() => _paused ? _spent : _spent + Stopwatch.GetElapsedTime(_since);

    /// <summary>A step starts waiting for a tool slot.</summary>
    public void WaitStarted() => Change(waiting: +1, holding: 0);

    /// <summary>The wait ended: with the slot taken (acquired) or given up.</summary>
    public void WaitEnded(bool acquired) => Change(waiting: -1, holding: acquired ? +1 : 0);

    /// <summary>A slot was taken without waiting.</summary>
    public void Acquired() => Change(waiting: 0, holding: +1);

    /// <summary>A slot taken (<see cref="Acquired"/> or <see cref="WaitEnded"/>(true)) is released.</summary>
    public void Released() => Change(waiting: 0, holding: -1);

    void Change(int waiting, int holding)
    {
        lock (_gate)
        {
            _waiting += waiting;
            _holding += holding;
            if (_disposed || _work?.IsCancellationRequested == true) return;
            bool pause = _waiting > 0 && _holding == 0;
            if (pause && !_paused)
            {
                _spent += Stopwatch.GetElapsedTime(_since);
                _paused = true;
                _work?.CancelAfter(Timeout.InfiniteTimeSpan);
            }
            else if (!pause && _paused)
            {
                _paused = false;
                _since = Stopwatch.GetTimestamp();
                _work?.CancelAfter(Left(_total - _spent));
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _request?.Dispose();
        _either?.Dispose();
        _work?.Dispose();
        _wall?.Dispose();
    }

    sealed class Callback(Action action) : IDisposable
    {
        int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) action(); }
    }
}
