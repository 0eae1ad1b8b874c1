namespace AtsParser.Core.Extraction;

/// <summary>A write-only, unseekable sink for a tool's output: subclasses decide what to keep in Write(span).</summary>
abstract class WriteOnlyBuffer : Stream
{
    public abstract override void Write(ReadOnlySpan<byte> buffer);
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Write(buffer.Span); return ValueTask.CompletedTask; }
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) { Write(buffer.AsSpan(offset, count)); return Task.CompletedTask; }
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Position { get => Length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>
/// A write-only stream that keeps the first `max` bytes and discards the rest while still accepting them, so a
/// flooding tool neither blocks on a full pipe nor grows our memory.
/// </summary>
sealed class CappedBuffer(int max) : WriteOnlyBuffer
{
    readonly MemoryStream _kept = new();

    public bool Truncated { get; private set; }
    public byte[] ToArray() => _kept.ToArray();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var keep = (int)Math.Min(buffer.Length, Math.Max(0, max - _kept.Length));
        if (keep > 0) _kept.Write(buffer[..keep]);
        if (keep < buffer.Length) Truncated = true;
    }

    public override long Length => _kept.Length;
}

/// <summary>A write-only stream that keeps the last `max` bytes: a tool's error message is at the end of its stderr.</summary>
sealed class TailBuffer(int max) : WriteOnlyBuffer
{
    readonly byte[] _ring = new byte[Math.Max(1, max)];
    readonly Lock _lock = new();
    long _written;

    public string Text
    {
        get
        {
            lock (_lock)
            {
                var n = (int)Math.Min(_written, _ring.Length);
                var start = (int)(_written % _ring.Length);
                var bytes = n < _ring.Length ? _ring[..n] : [.. _ring[start..], .. _ring[..start]];
                return System.Text.Encoding.UTF8.GetString(bytes);
            }
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock) Append(buffer);
    }

    void Append(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > _ring.Length) { _written += buffer.Length - _ring.Length; buffer = buffer[^_ring.Length..]; }
        foreach (var b in buffer) _ring[_written++ % _ring.Length] = b;
    }

    public override long Length => Math.Min(_written, _ring.Length);
}
