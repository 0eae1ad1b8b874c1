using System.Globalization;

namespace AtsParser.Core.Extraction;

/// <summary>
/// Every command line the service runs, in one place: argument lists (never shell strings), limits and environment.
/// Callers take the spec, hold the tool's concurrency slot and run it through <see cref="ProcessRunner"/>.
/// </summary>
public static class ToolCommands
{
    static readonly Dictionary<string, string> OneOcrThread = new() { ["OMP_THREAD_LIMIT"] = "1" };

    public static ProcessSpec Version(string binary, IReadOnlyList<string> args) =>
        new(binary, args) { Timeout = TimeSpan.FromSeconds(20) };

    public static ProcessSpec PythonImportsUno(string python) =>
        new(python, ["-c", "import uno"]) { Timeout = TimeSpan.FromSeconds(20) };

    public static ProcessSpec PdfInfo(string binary, string pdf, TimeSpan timeout) =>
        new(binary, [pdf]) { Timeout = timeout, MaxStdoutBytes = 256 * 1024 };

    /// <summary>Word boxes (-bbox-layout) for the layout reader; one page past the cap is enough to know the document is over it.</summary>
    /// <remarks>
    /// Quiet (-q) by default: a damaged PDF can make poppler print one "Syntax Error" line per object (137,000 lines,
    /// 7× the CPU of the extraction itself, for a 330 KB file). The reason of a failure is read by running it once
    /// more without -q, only when the quiet run fails.
    /// </remarks>
    public static ProcessSpec PdfToText(string binary, string pdf, ExtractionOptions o, bool quiet = true) =>
        new(binary, [.. quiet ? ["-q"] : Array.Empty<string>(), "-bbox-layout", "-enc", "UTF-8", "-eol", "unix", "-l", (o.MaxPages + 1).ToString(CultureInfo.InvariantCulture), pdf, "-"])
        {
            Timeout = TimeSpan.FromSeconds(o.PdfTimeoutSeconds),
            MaxStdoutBytes = o.MaxExtractedChars * 40,
        };

    /// <summary>One PDF page as a grayscale PGM (PNG encoding costs more than the OCR); quiet, as pdftotext.</summary>
    public static ProcessSpec PdfToPpm(string binary, string pdf, int page, string outPrefix, ExtractionOptions o) =>
        new(binary, ["-q", "-gray", "-r", o.OcrDpi.ToString(CultureInfo.InvariantCulture), "-f", page.ToString(CultureInfo.InvariantCulture),
                     "-l", page.ToString(CultureInfo.InvariantCulture), "-singlefile", pdf, outPrefix])
        {
            Timeout = TimeSpan.FromSeconds(o.OcrPageTimeoutSeconds),
        };

    /// <summary>
    /// One thread per tesseract (OMP_THREAD_LIMIT=1): 5x faster than its default threading on 2 cores. TSV (a row per
    /// word with its box) rather than text, so <see cref="Extractors.OcrTsv"/> can keep columns on one line apart.
    /// </summary>
    public static ProcessSpec Tesseract(string binary, string image, ExtractionOptions o) =>
        new(binary, [image, "stdout", "--psm", "3", "-l", o.OcrLanguages, "tsv"])
        {
            Environment = OneOcrThread,
            Timeout = TimeSpan.FromSeconds(o.OcrPageTimeoutSeconds),
            MaxStdoutBytes = 16 * 1024 * 1024,
        };

    /// <summary>-m UTF-8.txt: without it antiword mangles non-ASCII text.</summary>
    public static ProcessSpec Antiword(string binary, string doc, string workDir, ExtractionOptions o) =>
        new(binary, ["-w", "0", "-m", "UTF-8.txt", doc])
        {
            WorkingDirectory = workDir,
            Timeout = TimeSpan.FromSeconds(o.AntiwordTimeoutSeconds),
            MaxStdoutBytes = o.MaxExtractedChars * 4,
        };

    /// <summary>--sandbox: pandoc reads no other files and fetches nothing while converting.</summary>
    public static ProcessSpec Pandoc(string binary, string from, string input, string workDir, ExtractionOptions o) =>
        new(binary, ["--sandbox", "-f", from, "-t", "plain", "--wrap=none", input])
        {
            WorkingDirectory = workDir,
            Timeout = TimeSpan.FromSeconds(o.PandocTimeoutSeconds),
            MaxStdoutBytes = o.MaxExtractedChars * 4,
        };

    /// <summary>A cold soffice conversion with its own profile: two soffice sharing one exit 1 silently.</summary>
    public static ProcessSpec SofficeConvert(string binary, string profileUri, string filter, string outDir, string input, string workDir, ExtractionOptions o) =>
        new(binary, ["--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo", "-env:UserInstallation=" + profileUri,
                     "--convert-to", filter, "--outdir", outDir, input])
        {
            WorkingDirectory = workDir,
            Timeout = TimeSpan.FromSeconds(o.LibreOfficeTimeoutSeconds),
            Environment = new Dictionary<string, string> { ["HOME"] = workDir, ["SAL_USE_VCLPLUGIN"] = "svp" },
        };

    /// <summary>The pool's python UNO worker, which owns one `soffice --accept` listener (timeouts are the pool's).</summary>
    public static ProcessSpec UnoWorker(string python, string script, string soffice, string profileDir, string accept, TimeSpan startTimeout) =>
        new(python, ["-u", script, soffice, profileDir, accept, startTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = profileDir,
            Timeout = Timeout.InfiniteTimeSpan,
            MaxStderrBytes = 4096,
            Environment = new Dictionary<string, string> { ["HOME"] = profileDir, ["SAL_USE_VCLPLUGIN"] = "svp", ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
}
