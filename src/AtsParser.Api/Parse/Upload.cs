using AtsParser.Core.Documents;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;


namespace AtsParser.Api.Parse;

/// <summary>
/// Streams multipart sections and enforces the per-file size limit while reading, so an oversized upload is
/// refused after MAX_FILE_SIZE bytes instead of after buffering all of it.
/// </summary>
public static class UploadReader
{
    static string BoundaryOf(HttpRequest request, string field)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new DocumentException(Infrastructure.HttpErrors.UnsupportedMediaType, $"Send multipart/form-data with the document in the field '{field}'.");
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new DocumentException(Infrastructure.HttpErrors.MalformedMultipart, "The multipart request has no boundary.");
        return boundary;
    }

    /// <summary>A single parse keeps a file of up to 1 MiB (most resumes) in memory instead of a temp file.</summary>
    public const int SingleFileInMemory = 1 << 20;

    /// <summary>A bulk request keeps its files in memory, each up to <see cref="SingleFileInMemory"/>, while they add up to at most this.</summary>
    public const long BulkInMemory = 4L << 20;

    /// <summary>
    /// Reads every file as it streams in. Files go to temp files, except that small ones are kept in memory while
    /// they add up to at most `inMemory` bytes: a request never holds more than that of uploads in memory.
    /// </summary>
    public static async Task<List<SpooledUpload>> SpoolAsync(HttpRequest request, string field, long maxFileBytes, int maxFiles, CancellationToken ct, long inMemory = 0)
    {
        var boundary = BoundaryOf(request, field);
        var spooled = new List<SpooledUpload>();
        long memoryLeft = inMemory;
        try
        {
            await ReadSectionsAsync(request, boundary, field, maxFiles, async (section, name) =>
            {
                var s = await SpooledUpload.WriteAsync(TempRootOf(request), section.Body, name, section.ContentType, maxFileBytes, ct,
                    keepInMemory: (int)Math.Min(SingleFileInMemory, memoryLeft));
                if (s.InMemory) memoryLeft -= s.Length;
                spooled.Add(s);
                return s;
            }, ct);
            return spooled;
        }
        catch (Exception e)
        {
            foreach (var s in spooled) await s.DisposeAsync();
            if (MultipartErrors.IsMalformed(e)) throw new DocumentException(Infrastructure.HttpErrors.MalformedMultipart, null, e);
            throw;
        }
    }

    static string TempRootOf(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Extraction.ExtractionOptions>>().Value.TempDirectory;

    static async Task<List<T>> ReadSectionsAsync<T>(HttpRequest request, string boundary, string field, int maxFiles, Func<MultipartSection, string, Task<T>> readFile, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
        var uploads = new List<T>();
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) || !cd.IsFileDisposition())
            {
                await Drain(section.Body, 64 * 1024, ct); // form fields are small; anything else is ignored
                continue;
            }
            var name = cd.Name.Value?.Trim('"') ?? "";
            if (!string.Equals(name, field, StringComparison.OrdinalIgnoreCase) && !(field == "file" && uploads.Count == 0)) { await Drain(section.Body, long.MaxValue, ct); continue; }
            if (uploads.Count >= maxFiles)
                throw new DocumentException(ErrorCodes.TooManyFiles, $"The request has more than {maxFiles} files (BULK_MAX_FILES). Split it into smaller requests, or use the jobs API.");
            var fileName = FileNames.Sanitize(cd.FileNameStar.Value ?? cd.FileName.Value ?? "upload");
            uploads.Add(await readFile(section, fileName));
            if (field == "file") break;
        }
        return uploads;
    }

    static async Task Drain(Stream s, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await s.ReadAsync(buffer, ct)) > 0 && (total += n) < max) { }
    }
}

/// <summary>What MultipartReader throws on a truncated body or an oversized part header: the client's framing, not our fault.</summary>
public static class MultipartErrors
{
    public static bool IsMalformed(Exception e) => e switch
    {
        BadHttpRequestException => false,                                   // Kestrel's own limits (413, 408) map by status
        Microsoft.AspNetCore.Connections.ConnectionResetException => false, // the client went away: nobody to answer
        InvalidDataException => true,                                       // header line or header block over 16 KB
        IOException => true,                                                // "Unexpected end of Stream": truncated body
        _ => false,
    };
}

public static class FileNames
{
    /// <summary>Keeps only the last path segment, drops control and bidi-override characters, caps the length.</summary>
    public static string Sanitize(string raw)
    {
        var name = raw.Trim().Trim('"');
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0) name = name[(slash + 1)..];
        var clean = new string(name.Where(c => !char.IsControl(c) && c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F')).ToArray());
        if (clean.Length > 255) clean = clean[..255];
        return clean.Length == 0 ? "upload" : clean;
    }
}
