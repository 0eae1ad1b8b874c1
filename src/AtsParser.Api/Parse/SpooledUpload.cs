using AtsParser.Core.Pipeline;
using System.Security.Cryptography;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;

namespace AtsParser.Api.Parse;

/// <summary>
/// One uploaded file, hashed on the way in. A file that ends within the caller's in-memory allowance (a single
/// parse's small upload) stays in memory: a temp file's create, write, read back and unlink cost more CPU than
/// parsing a small TXT. Anything larger is streamed to a private temp file (0600, in the instance's 0700 temp root)
/// while it is read, so a bulk or job request holds no large file in memory: bulk loads each file only when its turn
/// comes, jobs stream it into the database. Deleted on dispose.
/// </summary>
public sealed class SpooledUpload : IAsyncDisposable
{
    public required string FileName { get; init; }
    public string? ContentType { get; init; }
    public string? Path { get; private init; }
    public long Length { get; private init; }
    public string? Sha256 { get; private init; }
    public DocumentException? Error { get; private init; }

    /// <summary>The file's bytes when it was kept in memory (no temp file, <see cref="Path"/> is null).</summary>
    byte[]? _bytes;

    public bool InMemory => _bytes is not null;

    /// <summary>
    /// Reads the part to its end; past `max` bytes the rest is skipped and the file recorded as refused (file_too_large).
    /// A file of at most `keepInMemory` bytes is kept in memory; a longer one goes to a temp file, the bytes read so far first.
    /// </summary>
    public static async Task<SpooledUpload> WriteAsync(string tempRoot, Stream body, string fileName, string? contentType, long max, CancellationToken ct, int keepInMemory = 0)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        string? path = null;
        FileStream? file = null;
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        // While the file may still fit the allowance, it accumulates in `held` (grown by doubling, pooled).
        byte[]? held = keepInMemory > 0 ? pool.Rent(Math.Min(keepInMemory + 1, 16 * 1024)) : null;
        var buffer = pool.Rent(81920);
        try
        {
            int n;
            while ((n = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (length + n > max)
                {
                    while (await body.ReadAsync(buffer, ct) > 0) { }
                    if (file is not null)
                    {
                        await file.DisposeAsync();
                        file = null;
                        File.Delete(path!);
                    }
                    if (held is not null) pool.Return(held);
                    return new SpooledUpload
                    {
                        FileName = fileName, ContentType = contentType,
                        Error = new DocumentException(ErrorCodes.FileTooLarge, $"The file is larger than {max:N0} bytes (MAX_FILE_SIZE). Compress images or remove embedded media, or raise the limit."),
                    };
                }
                hash.AppendData(buffer, 0, n);
                if (held is not null && length + n <= keepInMemory)
                {
                    if (length + n > held.Length) held = Grow(pool, held, (int)length, (int)Math.Min(Math.Max(held.Length * 2L, length + n), keepInMemory));
                    buffer.AsSpan(0, n).CopyTo(held.AsSpan((int)length));
                }
                else
                {
                    if (file is null)
                    {
                        // Past the allowance (or none given): to disk, with what was held so far first.
                        TempRoots.Ensure(tempRoot);
                        path = System.IO.Path.Combine(tempRoot, $"upload-{Guid.NewGuid():N}");
                        file = Create(path);
                        if (held is not null)
                        {
                            WriteToSpool(file, held.AsSpan(0, (int)length));
                            pool.Return(held);
                            held = null;
                        }
                    }
                    WriteToSpool(file, buffer.AsSpan(0, n));
                }
                length += n;
            }
        }
        catch
        {
            file?.Dispose();
            file = null;
            if (path is not null) File.Delete(path);
            if (held is not null) pool.Return(held);
            throw;
        }
        finally
        {
            pool.Return(buffer);
            if (file is not null) await file.DisposeAsync();
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (file is null)
        {
            // Empty, or held whole: one exact-size copy, as File.ReadAllBytes would have made, if the process's
            // budget for uploads held in memory allows it; otherwise to a temp file after all.
            var bytes = held is null ? [] : held.AsSpan(0, (int)length).ToArray();
            if (held is not null) pool.Return(held);
            if (TryHold(length))
                return new SpooledUpload { FileName = fileName, ContentType = contentType, Length = length, Sha256 = sha, _bytes = bytes, _reserved = length };
            TempRoots.Ensure(tempRoot);
            path = System.IO.Path.Combine(tempRoot, $"upload-{Guid.NewGuid():N}");
            try
            {
                await using var spill = Create(path);
                WriteToSpool(spill, bytes);
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }
        return new SpooledUpload { FileName = fileName, ContentType = contentType, Path = path, Length = length, Sha256 = sha };
    }

    /// <summary>
    /// Uploads held in memory by the whole process at once, at most: many concurrent requests waiting for a parse
    /// slot keep their files on disk past this, as every upload did before small ones stayed in memory.
    /// </summary>
    public const long ProcessInMemoryBudget = 64L << 20;

    static long s_held;
    long _reserved;

    /// <summary>Bytes of uploads held in memory right now, process-wide.</summary>
    public static long HeldInMemory => Interlocked.Read(ref s_held);

    static bool TryHold(long length)
    {
        if (Interlocked.Add(ref s_held, length) <= ProcessInMemoryBudget) return true;
        Interlocked.Add(ref s_held, -length);
        return false;
    }

    static byte[] Grow(System.Buffers.ArrayPool<byte> pool, byte[] held, int used, int size)
    {
        var bigger = pool.Rent(size);
        held.AsSpan(0, used).CopyTo(bigger);
        pool.Return(held);
        return bigger;
    }

    /// <summary>The bytes, for the parse pipeline (which works on a buffer), or the refusal.</summary>
    public Task<Upload> LoadAsync(CancellationToken ct) =>
        Task.FromResult(Error is not null ? new Upload(FileName, ContentType, null, Error)
            : new Upload(FileName, ContentType, _bytes ?? File.ReadAllBytes(Path!), null).WithKnownSha256(Sha256!));

    public Stream OpenRead() => _bytes is not null
        ? new MemoryStream(_bytes, writable: false)
        : new FileStream(Path!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _reserved, 0) is var reserved and > 0) Interlocked.Add(ref s_held, -reserved);
        try { if (Path is not null) File.Delete(Path); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    // 0600: uploads are personal data.
    static FileStream Create(string path) => TempDir.CreatePrivateFile(path, FileMode.CreateNew, FileOptions.None);

    // A failing disk is our problem, not a malformed request: keep it out of MultipartErrors' IOException rule.
    static void WriteToSpool(FileStream file, ReadOnlySpan<byte> data)
    {
        try { file.Write(data); }
        catch (IOException e) { throw new InvalidOperationException("Could not write the upload to the temp directory.", e); }
    }
}
