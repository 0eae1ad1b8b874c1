using System.Text;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Extraction.Extractors;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Parsing.Grounding;

namespace AtsParser.Bench.Extraction;

/// <summary>
/// `extraction --only ocrdpi [--scans DIR]`: the service's whole-document OCR (pdftoppm -gray, tesseract with one thread,
/// pages in parallel) at OCR_DPI 200 and 300 on image-only PDFs with answer keys, interleaved per document: time and
/// the share of the keys' e-mails and phones found in the text. Documents: the corpus's scanned PDF, plus every PDF
/// in DIR/pdf with a key in DIR/truth (bench/scripts/make-scans.sh makes them from the synthetic set).
/// </summary>
public static class OcrDpiBench
{
    static readonly int[] Dpis = [200, 300];

    public static async Task<string> RunAsync(string corpus, string? scansDir, int rounds, CancellationToken ct)
    {
        var docs = BenchCorpus.Files(corpus, "pdf", f => f.StartsWith("gen_scan", StringComparison.Ordinal)).Select(f => (Pdf: f, Key: Path.Combine(corpus, "truth", Path.GetFileName(f) + ".json"))).ToList();
        if (scansDir is not null)
            docs.AddRange(Directory.GetFiles(Path.Combine(scansDir, "pdf"), "*.pdf").Order(StringComparer.Ordinal)
                .Select(f => (Pdf: f, Key: Path.Combine(scansDir, "truth", Path.GetFileName(f) + ".json"))).Where(d => File.Exists(d.Key)));
        var hosts = Dpis.Select(d => new BenchHost(0, new Dictionary<string, string?> { ["Extraction:OcrDpi"] = d.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToArray();
        try
        {
            var time = Dpis.Select(d => new Samples($"{d} dpi")).ToArray();
            var found = new (int Emails, int Phones)[Dpis.Length];
            var perGroup = new Dictionary<string, (int Emails, int Phones)[]>();
            int emails = 0, phones = 0, pages = 0;
            for (int r = 0; r < rounds; r++)
                for (int n = 0; n < docs.Count; n++)
                {
                    var (pdf, keyPath) = docs[n];
                    ExtractionBench.Progress($"ocrdpi: round {r + 1}/{rounds}, document {n + 1}/{docs.Count}");
                    var key = TruthKey.Load(keyPath);
                    var bytes = await File.ReadAllBytesAsync(pdf, ct);
                    var input = new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(pdf)));
                    if (r == 0) { emails += key.Emails.Count; phones += key.Phones.Count; }
                    var group = Group(pdf);
                    if (!perGroup.ContainsKey(group)) perGroup[group] = new (int, int)[Dpis.Length + 1];
                    if (r == 0) { perGroup[group][Dpis.Length].Emails += key.Emails.Count; perGroup[group][Dpis.Length].Phones += key.Phones.Count; }
                    for (int k = 0; k < Dpis.Length; k++)
                    {
                        int i = (k + n + r) % Dpis.Length;
                        var output = await time[i].TimeAsync(() => hosts[i].Get<PdfOcrExtractor>().ExtractAsync(input, ct));
                        if (r > 0) continue;
                        if (i == 0) pages += output.OcrPages;
                        var source = new SourceIndex(TextQuality.Clean(output.Text), []);
                        int e = key.Emails.Count(source.ContainsEmail), p = key.Phones.Count(source.ContainsPhone);
                        found[i].Emails += e; found[i].Phones += p;
                        perGroup[group][i].Emails += e; perGroup[group][i].Phones += p;
                    }
                }
            var t = new StringBuilder("### OCR: 200 vs 300 dpi (accuracy and time)\n\n");
            t.AppendLine($"{docs.Count} image-only PDFs ({pages} pages) with answer keys, {rounds} round(s), the two settings interleaved per document (rotating order); " +
                         "the service's PdfOcrExtractor (pdftoppm -gray -r DPI, tesseract --psm 3 -l eng with OMP_THREAD_LIMIT=1, pages in parallel). " +
                         "Found = the key's value is in the OCR text (grounding's forms: e-mails lower-cased, phones by digits).\n");
            t.AppendLine("| OCR_DPI | e-mails found | phones found | median s per document | p95 s | time vs 200 dpi (paired median) |");
            t.AppendLine("|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < Dpis.Length; i++)
                t.AppendLine($"| {Dpis[i]} | {found[i].Emails}/{emails} | {found[i].Phones}/{phones} | {time[i].Median / 1000:0.00} | {time[i].P95 / 1000:0.00} | {Fmt.Ratio(Samples.PairedRatio(time[i], time[0]))} |");
            t.AppendLine("\nBy source (e-mails, phones found at 200 / 300 dpi, of the key's):\n");
            foreach (var (group, g) in perGroup)
                t.AppendLine($"- {group}: e-mails {g[0].Emails} / {g[1].Emails} of {g[Dpis.Length].Emails}, phones {g[0].Phones} / {g[1].Phones} of {g[Dpis.Length].Phones}");
            return t.ToString();
        }
        finally
        {
            foreach (var h in hosts) await h.DisposeAsync();
        }
    }

    // make-scans.sh names its files scan<DPI>_...: the scan's own resolution is the group.
    static string Group(string pdf)
    {
        var name = Path.GetFileName(pdf);
        return name.StartsWith("scan", StringComparison.Ordinal) && name.IndexOf('_') is var u and > 4 ? $"synthetic set scanned at {name[4..u]} dpi" : "corpus scan (150 dpi, JPEG q55, skewed)";
    }
}
