namespace AtsParser.Core.Documents;

/// <summary>A problem with the uploaded document (or request) that maps to a stable error code.</summary>
public sealed class DocumentException(string code, string? detail = null, Exception? inner = null)
    : Exception(detail ?? code, inner)
{
    public string Code { get; } = code;
    public string? Detail { get; } = detail;

    /// <summary>The file is hostile (e.g. a DTD inside an Office part): no further extractor may be given it.</summary>
    public bool StopsChain { get; init; }
}

/// <summary>The stable error codes, their HTTP status and what the user should do. One table, used everywhere.</summary>
public static class ErrorCodes
{
    public const string EmptyFile = "empty_file";
    public const string FileTooLarge = "file_too_large";
    public const string UnsupportedFormat = "unsupported_format";
    public const string EncryptedDocument = "encrypted_document";
    public const string CorruptDocument = "corrupt_document";
    public const string TooManyPages = "too_many_pages";
    public const string ExtractionFailed = "extraction_failed";
    public const string ExtractionTimeout = "extraction_timeout";
    public const string TooManyFiles = "too_many_files";
    public const string MissingFile = "missing_file";
    public const string NoText = "no_text";
    public const string BadRequest = "bad_request";

    public sealed record Info(int Status, string Title, string Detail);

    public static readonly IReadOnlyDictionary<string, Info> All = new Dictionary<string, Info>
    {
        [EmptyFile] = new(400, "The file is empty", "The uploaded file has zero bytes. Check that the upload sends the file's contents."),
        [MissingFile] = new(400, "No file uploaded", "Send the document as multipart/form-data in the field named 'file' (or 'files' for bulk)."),
        [BadRequest] = new(400, "Bad request", "The request could not be read. Send multipart/form-data with the documents."),
        [FileTooLarge] = new(413, "The file is too large", "The file exceeds the configured size limit (MAX_FILE_SIZE). Compress images, remove embedded media, or raise the limit."),
        [TooManyPages] = new(413, "The document has too many pages", "The document exceeds the page limit (MAX_PAGES). Send only the resume pages, or raise the limit."),
        [TooManyFiles] = new(413, "Too many files in one request", "The request has more files than BULK_MAX_FILES allows. Split it into smaller requests, or use the jobs API for large batches."),
        [UnsupportedFormat] = new(415, "Unsupported document format", "Send a PDF, DOCX, DOC, RTF, ODT, TXT, HTML or image (PNG, JPEG, TIFF, BMP, GIF, WebP) file. The format is detected from the file's bytes, not its name."),
        [EncryptedDocument] = new(422, "The document is password-protected", "Remove the password (save an unprotected copy) and upload it again."),
        [CorruptDocument] = new(422, "The document is damaged", "The file could not be read as a valid document. Re-export or re-save it from the original application and upload it again."),
        [ExtractionFailed] = new(422, "No text could be extracted", "None of the extractors produced usable text. If this is a scan, make sure OCR is enabled (DOC_ENABLE_OCR) and the image is legible."),
        [NoText] = new(422, "The document contains no text", "The document has no readable text. If it is a scan or a photo, upload a clearer image."),
        ["resume_not_found"] = new(404, "Resume not found", "No stored resume has this id. It may have been deleted (DELETE or the RETENTION_DAYS purge)."),
        ["storage_disabled"] = new(503, "Storage is not enabled", "Set DATABASE_URL to a PostgreSQL database with pgvector (postgres://user:pass@host:5432/db), then run `dotnet run --project src/AtsParser.Api -- migrate` or start with MIGRATE_ON_STARTUP=true. Parsing without ?store=true works without it."),
        ["storage_unavailable"] = new(503, "Storage is unavailable", "The database could not be reached. Retry later; parsing without ?store=true still works."),
        [ExtractionTimeout] = new(504, "Extraction timed out", "Text extraction took longer than the configured tool timeouts. Retry later, or send a smaller or simpler document."),
    };

    public static Info Describe(string code) => All.TryGetValue(code, out var i) ? i : new(422, code, code);
}
