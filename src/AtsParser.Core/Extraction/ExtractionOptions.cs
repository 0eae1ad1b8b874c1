using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    [Range(1, 1L << 31)] public long MaxFileSizeBytes { get; set; } = 10 * 1024 * 1024;
    [Range(1, 10_000)] public int MaxPages { get; set; } = 50;
    [Range(1, 200)] public int MaxOcrPages { get; set; } = 10;
    [Range(1000, 10_000_000)] public int MaxExtractedChars { get; set; } = 300_000;
    /// <summary>
    /// What an extractor reads, and the chain cleans, at most: the cap plus room for what cleaning removes (CR of CRLF,
    /// control characters, icons), so the cleaned text still reaches the cap. Nothing past it is decoded or copied.
    /// </summary>
    public int ReadCharLimit => MaxExtractedChars + MaxExtractedChars / 4;
    /// <summary>A PDF page with fewer characters than this in its text layer is OCRed.</summary>
    [Range(0, 100_000)] public int MinTextLengthForOcr { get; set; } = 100;
    /// <summary>An extractor whose whole output has fewer non-space characters than this has failed.</summary>
    [Range(1, 10_000)] public int MinDocumentChars { get; set; } = 20;
    [Range(1_000_000, 1_000_000_000)] public long MaxImagePixels { get; set; } = 60_000_000;
    [Range(1, 1L << 32)] public long MaxZipUncompressedBytes { get; set; } = 100 * 1024 * 1024;
    [Range(2, 10_000)] public int MaxZipCompressionRatio { get; set; } = 200;
    /// <summary>What all compressed streams of one PDF may inflate to (decompression bombs).</summary>
    [Range(1_000_000, 1L << 34)] public long MaxPdfInflatedBytes { get; set; } = 256L * 1024 * 1024;
    [Range(1, 1000)] public int BulkMaxFiles { get; set; } = 50;
    [Range(1, 64)] public int BulkConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    public bool EnableAntiword { get; set; } = true;
    /// <summary>The in-process Word 97-2003 reader in front of antiword (DOC_ENABLE_WORD_READER).</summary>
    public bool EnableWordReader { get; set; } = true;
    /// <summary>PDF_ENABLE_WORKER: PDFs go first to warm pdfwords workers (poppler, the same word boxes as pdftotext
    /// without a process per PDF); pdftotext and OCR stay behind them. Needs the pdfwords binary (native/pdfwords).</summary>
    public bool EnablePdfWorker { get; set; } = true;
    /// <summary>PDF_WORKERS: warm pdfwords processes at most, each reading one PDF at a time.</summary>
    [Range(1, 64)] public int PdfWorkers { get; set; } = Math.Max(2, Environment.ProcessorCount);
    public bool EnableLibreOffice { get; set; } = true;
    public bool EnablePandoc { get; set; } = true;
    public bool EnableOcr { get; set; } = true;

    [Required, RegularExpression("^[a-z_]{3,20}(\\+[a-z_]{3,20})*$")] public string OcrLanguages { get; set; } = "eng";
    [Range(72, 600)] public int OcrDpi { get; set; } = 200;
    /// <summary>OCR_UPSCALE_BELOW_PIXELS: an uploaded image whose longer side is shorter than this (a page saved at
    /// under about 100 dpi, a screenshot) is enlarged to OcrUpscaleTargetPixels before OCR; tesseract misreads text
    /// under about 20 px per line. 0 switches it off.</summary>
    [Range(0, 20_000)] public int OcrUpscaleBelowPixels { get; set; } = 1200;
    /// <summary>The longer side an enlarged image gets (at most 4 times its own).</summary>
    [Range(500, 20_000)] public int OcrUpscaleTargetPixels { get; set; } = 2400;

    /// <summary>Wall-clock time one document may spend in its whole extractor chain, waits for tool slots included.</summary>
    [Range(1, 3600)] public int DocumentBudgetSeconds { get; set; } = 60;
    [Range(1, 600)] public int PdfTimeoutSeconds { get; set; } = 20;
    [Range(1, 600)] public int OcrPageTimeoutSeconds { get; set; } = 60;
    [Range(1, 600)] public int LibreOfficeTimeoutSeconds { get; set; } = 60;
    [Range(1, 600)] public int PandocTimeoutSeconds { get; set; } = 20;
    [Range(1, 600)] public int AntiwordTimeoutSeconds { get; set; } = 10;

    [Range(1, 64)] public int LibreOfficeConcurrency { get; set; } = 2;
    [Range(1, 64)] public int OcrConcurrency { get; set; } = Environment.ProcessorCount;
    [Range(1, 64)] public int PandocConcurrency { get; set; } = 4;
    [Range(1, 256)] public int DefaultToolConcurrency { get; set; } = 8;

    /// <summary>
    /// Warm LibreOffice listeners (~40 ms a conversion instead of ~900 ms cold), started on first use, each with
    /// its own profile and one conversion at a time. 0 turns the pool off: every conversion is a cold soffice.
    /// </summary>
    [Range(0, 16)] public int LibreOfficePoolSize { get; set; } = 2;
    /// <summary>0: listeners accept on private named pipes. Otherwise listener i takes TCP port base+i on 127.0.0.1.</summary>
    [Range(0, 65_000)] public int LibreOfficePoolPortBase { get; set; }
    /// <summary>A python able to `import uno` (Debian python3-uno); empty means probe /usr/bin/python3 and PATH.</summary>
    public string LibreOfficePython { get; set; } = "";

    /// <summary>TEMP_ROOT: where this instance makes its own temp root; empty means the system temp directory (TMPDIR).</summary>
    public string TempRoot { get; set; } = "";

    /// <summary>TEMP_SWEEP_AFTER_HOURS: another host's instance root whose owner file is older than this is swept at start-up.</summary>
    [Range(1, 8760)] public int TempSweepAfterHours { get; set; } = 24;

    public string TempBase => string.IsNullOrWhiteSpace(TempRoot) ? Path.GetTempPath() : TempRoot;

    string? _instanceRoot;

    /// <summary>This instance's own root, TempBase/atsparser-&lt;pid&gt;-&lt;random&gt; (0700); per-call directories go inside it.</summary>
    public string TempDirectory
    {
        get
        {
            if (_instanceRoot is null) Interlocked.CompareExchange(ref _instanceRoot, TempRoots.NewRoot(TempBase), null);
            return _instanceRoot;
        }
    }
}

[OptionsValidator]
public sealed partial class ExtractionOptionsValidator : IValidateOptions<ExtractionOptions>;
