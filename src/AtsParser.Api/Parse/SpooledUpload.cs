using AtsParser.Core.Pipeline;
using System.Security.Cryptography;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;

namespace AtsParser.Api.Parse;

/// <summary>
/// One uploaded file streamed to a private temp file (0600, in the instance's 0700 temp root) while it is read, hashed on the way, so a bulk or job
/// request holds no whole file in memory: bulk loads each file only when its turn comes, jobs stream it into the
/// database. Deleted on dispose.
/// </summary>
public sealed class SpooledUpload : IAsyncDisposable
{
    public required string FileName { get; init; }
    public string? ContentType { get; init; }
    public string? Path { get; private init; }
    public long Length { get; private init; }
    public string? Sha256 { get; private init; }
    public DocumentException? Error { get; private init; }

    /// <summary>Reads the part to its end; past `max` bytes the rest is skipped and the file recorded as refused (file_too_large).</summary>
    public static async Task<SpooledUpload> WriteAsync(string tempRoot, Stream body, string fileName, string? contentType, long max, CancellationToken ct)
    {
        TempRoots.Ensure(tempRoot);
        var path = System.IO.Path.Combine(tempRoot, $"upload-{Guid.NewGuid():N}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var file = Create(path);
            int n;
            while ((n = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (length + n > max)
                {
                    while (await body.ReadAsync(buffer, ct) > 0) { }
                    File.Delete(path);
                    return new SpooledUpload
                    {
                        FileName = fileName, ContentType = contentType,
                        Error = new DocumentException(ErrorCodes.FileTooLarge, $"The file is larger than {max:N0} bytes (MAX_FILE_SIZE). Compress images or remove embedded media, or raise the limit."),
                    };
                }
                hash.AppendData(buffer, 0, n);
                WriteToSpool(file, buffer.AsSpan(0, n));
                length += n;
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        return new SpooledUpload { FileName = fileName, ContentType = contentType, Path = path, Length = length, Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()) };
    }

    /// <summary>The bytes, for the parse pipeline (which works on a buffer), or the refusal.</summary>
    public Task<Upload> LoadAsync(CancellationToken ct) =>
        Task.FromResult(Error is not null || Path is null ? new Upload(FileName, ContentType, null, Error) : new Upload(FileName, ContentType, File.ReadAllBytes(Path), null).WithKnownSha256(Sha256!));

    public FileStream OpenRead() => new(Path!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
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
