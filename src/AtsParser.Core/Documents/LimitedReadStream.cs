namespace AtsParser.Core.Documents;

/// <summary>
/// A forward-only, read-only view of a stream that counts the bytes read and throws <paramref name="overLimit"/>'s
/// exception once more than <paramref name="limit"/> came out: a request body past its cap, a zip entry that inflates
/// past its declared size. <paramref name="onRead"/> sees every chunk (e.g. a budget across entries).
/// </summary>
public sealed class LimitedReadStream(Stream inner, long limit, Func<Exception> overLimit, Action<long>? onRead = null, bool leaveOpen = true) : Stream
{
    long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Count(await inner.ReadAsync(buffer.AsMemory(offset, count), ct));

    int Count(int n)
    {
        _read += n;
        onRead?.Invoke(n);
        if (_read > limit) throw overLimit();
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing) { if (disposing && !leaveOpen) inner.Dispose(); base.Dispose(disposing); }
}
