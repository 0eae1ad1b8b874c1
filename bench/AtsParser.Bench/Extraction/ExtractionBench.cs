using System.Globalization;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction`: per format, our extraction path vs the raw CLI tool on the same files, interleaved in one run;
/// then warm vs cold LibreOffice, then OCR threading. Prints markdown for bench/RESULTS.md.
/// Options: --rounds N (default 5), --lo-rounds N (2), --ocr-rounds N (2), --only formats,libreoffice,ocr,pdfpath,pdfverdicts,pdfdump,pdfcpu,lodoc,ocrdpi, --list FILE (pdfcpu, pdfdump) --out FILE (pdfdump), --synth DIR[,DIR] (pdfpath: synthetic PDFs for the text comparison)
/// </summary>
public static class ExtractionBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        int Opt(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        string Arg(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is required");
        var only = Array.IndexOf(args, "--only") is var o && o >= 0 && o + 1 < args.Length ? args[o + 1].Split(',') : ["formats", "libreoffice", "ocr"];
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT")))
        {
            Console.Error.WriteLine("Unset OMP_THREAD_LIMIT: the raw tesseract runs must use its defaults.");
            return 2;
        }
        var corpus = BenchCorpus.Locate();
        // Each section is printed as soon as it is done, so a long run still leaves its finished tables behind.
        Console.WriteLine(Machine());
        if (only.Contains("formats")) Print(await FormatsBench.RunAsync(corpus, Opt("--rounds", 5), Opt("--ocr-rounds", 2), ct));
        if (only.Contains("libreoffice")) Print(await LibreOfficeBench.RunAsync(corpus, Opt("--lo-rounds", 2), ct));
        if (only.Contains("lodoc")) Print(await LibreOfficeDocBench.RunAsync(Opt("--lo-rounds", 5), ct));
        if (only.Contains("pdfpath")) Print(await PdfPathBench.RunAsync(corpus, Opt("--rounds", 5), Array.IndexOf(args, "--synth") is var sy && sy >= 0 && sy + 1 < args.Length ? args[sy + 1] : null, ct));
        if (only.Contains("pdfverdicts")) Print(await PdfPathBench.VerdictsAsync(corpus, ct));
        if (only.Contains("pdfcpu")) Print(await PdfCpuBench.RunAsync(Arg("--list"), Opt("--rounds", 20), ct));
        if (only.Contains("pdfdump")) Print(await PdfDump.RunAsync(Arg("--list"), Arg("--out"), ct));
        if (only.Contains("ocrdpi")) Print(await OcrDpiBench.RunAsync(corpus, Array.IndexOf(args, "--scans") is var sd && sd >= 0 && sd + 1 < args.Length ? args[sd + 1] : null, Opt("--ocr-rounds", 1), ct));
        if (only.Contains("ocr")) Print(await OcrBench.RunAsync(corpus, Opt("--ocr-rounds", 2), ct));
        return 0;
    }

    static void Print(string section)
    {
        Console.WriteLine(section);
        Console.Out.Flush();
    }

    static string Machine()
    {
        var mem = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim() : "?";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, MemTotal {mem}, load average at start {load}.\n";
    }

    /// <summary>Progress on stderr so stdout stays a clean markdown report.</summary>
    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
