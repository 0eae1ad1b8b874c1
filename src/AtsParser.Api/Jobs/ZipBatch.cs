using AtsParser.Core.Pipeline;
using System.IO.Compression;
using AtsParser.Core.Documents;
using AtsParser.Api.Parse;

namespace AtsParser.Api.Jobs;

/// <summary>
/// Expands a .zip of resumes into job files. The caps apply to bytes actually inflated, not to the sizes the
/// archive declares: each entry stops at MAX_FILE_SIZE (recorded as that file's failure), an entry whose
/// compression ratio is extreme is refused like a zip bomb inside a DOCX, and the whole job stops at
/// JOBS_MAX_FILES entries and JOBS_MAX_JOB_BYTES inflated. Entries are read into memory, never written to disk
/// (no zip-slip). Folders, macOS resource forks and hidden files are skipped.
/// </summary>
public static class ZipBatch
{
    public sealed record Caps(long MaxFileBytes, int MaxRatio, int MaxFiles, long MaxTotalBytes);

    public static async Task ExpandAsync(Stream zipFile, Caps caps, Func<Upload, Task> onFile, CancellationToken ct)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(zipFile, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new DocumentException(ErrorCodes.CorruptDocument, "The zip archive is damaged.", e); }
        using (zip)
        {
            var files = zip.Entries.Where(e => !Skipped(e.FullName)).ToList();
            if (files.Count > caps.MaxFiles)
                throw new JobRejectedException(JobErrors.JobTooLarge, $"The zip has {files.Count} files; at most {caps.MaxFiles} are allowed per job");
            long inflated = 0;
            foreach (var entry in files)
            {
                ct.ThrowIfCancellationRequested();
                var upload = Read(entry, caps, ref inflated);
                await onFile(upload);
            }
        }
    }

    static Upload Read(ZipArchiveEntry entry, Caps caps, ref long inflated)
    {
        // Entry paths are flattened to their last segment (FileNames.Sanitize) but kept unique by the job's sequence.
        var name = FileNames.Sanitize(entry.FullName);
        if (entry.Length > caps.MaxFileBytes)
            return Refused(name, ErrorCodes.FileTooLarge, $"The zip entry inflates to {entry.Length:N0} bytes, over MAX_FILE_SIZE");
        if (entry.CompressedLength > 0 && entry.Length > 1_000_000 && entry.Length / entry.CompressedLength > caps.MaxRatio)
            return Refused(name, ErrorCodes.FileTooLarge, "The zip entry has an extreme compression ratio (a possible zip bomb)");
        var ms = new MemoryStream();
        try
        {
            using var s = entry.Open();
            var buffer = new byte[81920];
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                inflated += n;
                if (inflated > caps.MaxTotalBytes)
                    throw new JobRejectedException(JobErrors.JobTooLarge, "The zip inflates to more than JOBS_MAX_JOB_BYTES");
                // A lying header (declared small, inflates large) is stopped here, on the real bytes.
                if (ms.Length + n > caps.MaxFileBytes)
                    return Refused(name, ErrorCodes.FileTooLarge, "The zip entry inflates beyond MAX_FILE_SIZE");
                ms.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException)
        {
            return Refused(name, ErrorCodes.CorruptDocument, "The zip entry is damaged, encrypted or uses an unsupported compression");
        }
        return new Upload(name, null, ms.ToArray(), null);
    }

    static Upload Refused(string name, string code, string detail) => new(name, null, null, new DocumentException(code, detail));

    static bool Skipped(string path) =>
        path.EndsWith('/') || path.StartsWith("__MACOSX/", StringComparison.Ordinal)
        || path.Split('/').Any(segment => segment.StartsWith('.'));

    public static bool IsZip(string fileName, string? contentType) =>
        fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || contentType is "application/zip" or "application/x-zip-compressed";
}
