namespace AtsParser.Core.Extraction;

/// <summary>
/// A share of the host's parse capacity that one document holds while it works in this process and can give back
/// while it only waits on a native tool (OCR, LibreOffice, pandoc, antiword, poppler). The API's parse slots bind
/// one per document; without a binding (the CLI, bench, tests) nothing happens.
/// </summary>
public interface IYieldingSlot
{
    /// <summary>Gives the share back; a no-op when it is not held.</summary>
    void Yield();

    /// <summary>Takes the share back, waiting as long as it takes (the document was already admitted) or until ct.</summary>
    Task ReclaimAsync(CancellationToken ct);
}

/// <summary>
/// The ambient slot of the document being extracted. Four OCR documents once held all four parse slots for 30 s
/// while their tesseract runs waited on OCR's own cap, and cheap DOCX parses behind them were refused with
/// server_busy; a native step now gives its slot back for as long as it runs and takes it back afterwards.
/// </summary>
public static class ToolWait
{
    static readonly AsyncLocal<IYieldingSlot?> Current = new();

    /// <summary>Makes slot the ambient one for the calling async flow until the returned handle is disposed.</summary>
    public static IDisposable Bind(IYieldingSlot slot)
    {
        var previous = Current.Value;
        Current.Value = slot;
        return new Restore(previous);
    }

    /// <summary>Runs work that only waits (a native extraction step, another request's parse of the same bytes)
    /// without holding the ambient slot, then takes it back. Whatever holds a slot must never wait on work that
    /// needs one: that is how the slots stay deadlock-free.</summary>
    public static async Task<T> WithoutSlotAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        var slot = Current.Value;
        if (slot is null) return await work();
        slot.Yield();
        try
        {
            return await work();
        }
        finally
        {
            await slot.ReclaimAsync(ct);
        }
    }

    sealed class Restore(IYieldingSlot? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
