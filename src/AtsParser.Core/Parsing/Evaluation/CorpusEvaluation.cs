using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Observability;
using AtsParser.Core.Pipeline;

namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>
/// Runs every document of a folder that has an answer key (truth/&lt;file name&gt;.json) through the service's
/// DocumentPipeline in-process (the heuristic parser unless the services say otherwise), and scores the results.
/// Parse times are the pipeline's whole milliseconds; `bench parsing` measures the parser's CPU time precisely. Used by `AtsParser.Cli eval` and by the CI floor test.
/// </summary>
public sealed class CorpusEvaluation(DocumentPipeline pipeline)
{
    public async Task<EvalReport> RunAsync(string corpusDir, DateOnly asOf, Action<string>? progress, CancellationToken ct, Action<string, string>? extracted = null)
    {
        var truthDir = Path.Combine(corpusDir, "truth");
        if (!Directory.Exists(truthDir)) throw new DirectoryNotFoundException($"{truthDir} does not exist: the folder needs truth/<file>.json answer keys.");
        var evaluator = new Evaluator();
        var timings = new List<DocumentTiming>();
        var failures = new List<string>();
        int documents = 0;
        foreach (var keyPath in Directory.GetFiles(truthDir, "*.json").Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var key = TruthKey.Load(keyPath);
            var docPath = Path.Combine(corpusDir, key.File);
            if (!File.Exists(docPath)) { failures.Add($"{key.File}: document not found"); continue; }
            progress?.Invoke(key.File);
            var bytes = await File.ReadAllBytesAsync(docPath, ct);
            ParseResult result;
            try
            {
                // The same pipeline as /parse, bulk and the job worker: detect, extract, parse.
                result = await pipeline.ProcessAsync(new Upload(Path.GetFileName(docPath), null, bytes, null), new ParseRequestOptions { AsOf = asOf }, ct);
            }
            catch (Exception e) when (e is ExtractionFailedException or DocumentException)
            {
                failures.Add($"{key.File}: extraction failed ({e.Message})");
                evaluator.Score(key, new Resume(), "", []);
                documents++;
                continue;
            }
            var text = result.Extraction;
            extracted?.Invoke(key.File, text.FullText);
            var resume = result.Resume ?? new Resume();
            timings.Add(new DocumentTiming(key.File, result.TimingsMs["parse"]));
            evaluator.Score(key, resume, text.FullText, text.LinkTargets);
            documents++;
        }
        return new EvalReport(documents, evaluator.Exact, evaluator.Fuzzy, evaluator.Mismatches, timings, failures)
        {
            Reachable = evaluator.Reachable,
            Calibration = evaluator.Calibration.Table(),
        };
    }

    /// <summary>Tool timeouts of 300 s and a document budget of 1800 s: for evaluation and tests about what extraction
    /// yields, not how fast (one OCR image on a loaded 2-core machine can take longer than the 60 s default budget).</summary>
    public static IReadOnlyDictionary<string, string?> PatientExtraction { get; } = new Dictionary<string, string?>
    {
        ["Extraction:DocumentBudgetSeconds"] = "1800",
        ["Extraction:LibreOfficeTimeoutSeconds"] = "300",
        ["Extraction:OcrPageTimeoutSeconds"] = "300",
        ["Extraction:PdfTimeoutSeconds"] = "300",
        ["Extraction:PandocTimeoutSeconds"] = "300",
        ["Extraction:AntiwordTimeoutSeconds"] = "300",
    };

    /// <summary>A service provider with extraction and parsing only, no host and no logging output.</summary>
    public static ServiceProvider BuildServices(IConfiguration? config = null)
    {
        // Evaluation measures what extraction and parsing yield, not how fast: a loaded machine must not turn an OCR
        // image into a missing document (60 s default budget), so tool timeouts and the budget are generous unless set.
        var builder = new ConfigurationBuilder().AddInMemoryCollection(PatientExtraction);
        if (config is not null) builder.AddConfiguration(config);
        config = builder.Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(config);
        services.AddExtraction(config);
        services.AddParsing(config);
        services.AddAtsMetrics();
        services.AddSingleton<DocumentPipeline>();
        services.AddSingleton<CorpusEvaluation>();
        return services.BuildServiceProvider();
    }
}
