using AtsParser.Api.Parse;
using AtsParser.Api.Storage;
using AtsParser.Core.Pipeline;

namespace AtsParser.Api.Jobs;

/// <summary>One file of a deferred submission: its bytes, or why it was refused while it was read (then it becomes a failed item).</summary>
public sealed record DeferredFile(string FileName, string? ContentType, string? Sha256, long Size, byte[]? Bytes, string? ErrorCode, string? ErrorDetail);

/// <summary>
/// A submission's files in memory while the database is unreachable, with the job's own caps (JOBS_MAX_FILES, JOBS_MAX_JOB_BYTES)
/// and the tighter OUTBOX_MAX_JOB_BYTES: a larger job answers 503 storage_unavailable, as before the outbox.
/// </summary>
public sealed class JobSpool(JobsOptions options, long maxBytes, Exception cause) : IJobFiles
{
    long _bytes;

    public List<DeferredFile> Files { get; } = [];
    public int Count => Files.Count;

    public Task AddAsync(Upload upload, CancellationToken ct)
    {
        var ok = upload.Error is null;
        Add(new DeferredFile(upload.FileName, upload.ContentType, ok ? upload.Sha256 : null, ok ? upload.Bytes?.LongLength ?? 0 : 0,
            ok ? upload.Bytes ?? [] : null, upload.Error?.Code, upload.Error?.Detail));
        return Task.CompletedTask;
    }

    public async Task AddAsync(SpooledUpload file, CancellationToken ct)
    {
        if (file.Error is not null)
        {
            Add(new DeferredFile(file.FileName, file.ContentType, null, 0, null, file.Error.Code, file.Error.Detail));
            return;
        }
        Reserve(file.Length);
        await using var stream = file.OpenRead();
        var bytes = new byte[file.Length];
        await stream.ReadExactlyAsync(bytes, ct);
        Files.Add(new DeferredFile(file.FileName, file.ContentType, file.Sha256, file.Length, bytes, null, null));
    }

    void Add(DeferredFile f)
    {
        Reserve(f.Size);
        Files.Add(f);
    }

    void Reserve(long size)
    {
        if (Count >= options.MaxFilesPerJob)
            throw new JobRejectedException(JobErrors.JobTooLarge, $"The job has more than {options.MaxFilesPerJob} files (JOBS_MAX_FILES)");
        _bytes += size;
        if (_bytes > options.MaxJobBytes)
            throw new JobRejectedException(JobErrors.JobTooLarge, $"The job's files add up to more than {options.MaxJobBytes:N0} bytes (JOBS_MAX_JOB_BYTES)");
        if (_bytes > maxBytes)
            throw new StorageException(StorageException.Unavailable,
                $"The database is unreachable, and a job larger than {maxBytes:N0} bytes (OUTBOX_MAX_JOB_BYTES) cannot wait for it in the outbox", cause);
    }
}
