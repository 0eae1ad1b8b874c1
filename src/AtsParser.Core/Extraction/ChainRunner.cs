using System.Diagnostics;
using AtsParser.Core.Documents;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

/// <summary>
/// Runs a format's extractor chain in order (Tika's FallbackParser): skips unavailable or disabled tools, treats
/// too little text or garbage as failure, moves on after a timeout, stops at once on client cancel or a
/// document-level verdict (encrypted, too many pages), and records every attempt. The whole chain shares one
/// wall-clock budget (Extraction:DocumentBudgetSeconds): each step gets only what is left of it, and once it is
/// spent the chain stops with extraction_timeout instead of trying the next extractor.
/// </summary>
public sealed class ChainRunner(ExtractorChains chains, ToolRegistry tools, IOptions<ExtractionOptions> options, ILogger<ChainRunner> logger)
{
    static readonly HashSet<string> StopCodes =
        [ErrorCodes.EncryptedDocument, ErrorCodes.TooManyPages, ErrorCodes.FileTooLarge, ErrorCodes.UnsupportedFormat];

    public Task<ExtractionResult> RunAsync(ExtractionInput input, CancellationToken ct) =>
        RunAsync(chains.For(input.Format), input, ct);

    public async Task<ExtractionResult> RunAsync(IReadOnlyList<IExtractor> chain, ExtractionInput input, CancellationToken ct)
    {
        var o = options.Value;
        var attempts = new List<ExtractionAttempt>();
        string? corruptDetail = null;
        bool ocrDone = false;
        // Tool timeouts bound one step; the budget bounds the document's own work (a DOC once took 57 s: LibreOffice,
        // then LibreOffice + OCR), not its time in a tool's queue (DocumentBudget).
        using var budget = new DocumentBudget(TimeSpan.FromSeconds(o.DocumentBudgetSeconds));
        using var bound = budget.Bind();
        foreach (var extractor in chain)
        {
            if (budget.IsSpent)
            {
                attempts.Add(new(extractor.Name, AttemptOutcome.Skipped, 0, BudgetSpent(o)));
                continue;
            }
            var skip = extractor.Tools.FirstOrDefault(t => !tools.IsUsable(t));
            if (skip is not null)
            {
                var s = tools.Get(skip);
                attempts.Add(new(extractor.Name, s.Enabled ? AttemptOutcome.Unavailable : AttemptOutcome.Disabled, 0, $"{skip} is {(s.Enabled ? "not installed" : "disabled")}"));
                continue;
            }
            // An earlier extractor already OCRed every page; running OCR again would cost seconds for the same text.
            if (ocrDone && extractor.Tools.Contains("tesseract"))
            {
                attempts.Add(new(extractor.Name, AttemptOutcome.Skipped, 0, "OCR already ran on every page"));
                continue;
            }
            var sw = Stopwatch.StartNew();
            try
            {
                // A native step only waits on its tool: the document's parse slot goes back for that long (ToolWait).
                var output = extractor.Tools.Count == 0
                    ? await extractor.ExtractAsync(input, ct)
                    : await ToolWait.WithoutSlotAsync(() => extractor.ExtractAsync(input, budget.TokenFor(ct)), ct);
                var (raw, cut) = Cap(output.Text, o.ReadCharLimit);
                var text = TextQuality.Clean(raw);
                var ms = sw.ElapsedMilliseconds;
                ocrDone |= output.OcrCoveredAllPages;
                if (TextQuality.MeaningfulChars(text) < o.MinDocumentChars)
                {
                    attempts.Add(new(extractor.Name, AttemptOutcome.TooLittleText, ms, $"{TextQuality.MeaningfulChars(text)} letters or digits"));
                    continue;
                }
                if (TextQuality.IsGarbage(text))
                {
                    attempts.Add(new(extractor.Name, AttemptOutcome.Garbage, ms, "mostly unreadable characters"));
                    continue;
                }
                attempts.Add(new(extractor.Name, AttemptOutcome.Success, ms, null));
                var (withoutIcons, hints) = Glyphs.RemoveIcons(text);
                text = withoutIcons;
                bool truncated = cut || output.Truncated || text.Length > o.MaxExtractedChars;
                if (text.Length > o.MaxExtractedChars) text = text[..o.MaxExtractedChars];
                return new ExtractionResult
                {
                    ExtractedBy = output.OcrUsed && !extractor.Tools.Contains("tesseract") ? extractor.Name + "+ocr" : extractor.Name,
                    OcrUsed = output.OcrUsed,
                    OcrPages = output.OcrPages,
                    Chars = text.Length,
                    Attempts = attempts,
                    Pages = output.Pages,
                    FullText = text,
                    Links = output.Links,
                    Hints = output.Hints,
                    Layout = output.Layout,
                    IconHints = hints.Count > 0 ? hints : null,
                    Truncated = truncated,
                };
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            // Whatever the step threw once the budget ran out (a cancelled wait, a killed tool) is the budget's doing.
            catch (Exception e) when (budget.IsSpent && e is not DocumentException)
            {
                attempts.Add(new(extractor.Name, AttemptOutcome.Timeout, sw.ElapsedMilliseconds, BudgetSpent(o)));
                Log.ExtractionBudgetSpent(logger, extractor.Name, o.DocumentBudgetSeconds);
            }
            catch (ExtractorDeclinedException e)
            {
                attempts.Add(new(extractor.Name, AttemptOutcome.Skipped, sw.ElapsedMilliseconds, Shorten(e.Message)));
            }
            catch (DocumentException e) when (StopCodes.Contains(e.Code) || e.StopsChain)
            {
                attempts.Add(new(extractor.Name, e.Code, sw.ElapsedMilliseconds, e.Detail ?? e.Code));
                Log.ExtractorStopped(logger, extractor.Name, e.Code);
                throw;
            }
            catch (DocumentException e) when (e.Code == ErrorCodes.CorruptDocument)
            {
                corruptDetail ??= e.Detail;
                attempts.Add(new(extractor.Name, AttemptOutcome.Corrupt, sw.ElapsedMilliseconds, e.Detail));
            }
            catch (ToolTimeoutException e)
            {
                attempts.Add(new(extractor.Name, AttemptOutcome.Timeout, sw.ElapsedMilliseconds, e.Message));
                Log.ExtractorTimedOut(logger, extractor.Name, sw.ElapsedMilliseconds);
            }
            catch (Exception e) when (e is ToolFailedException or IOException or InvalidDataException or System.Xml.XmlException or DocumentException)
            {
                attempts.Add(new(extractor.Name, AttemptOutcome.Failed, sw.ElapsedMilliseconds, Shorten(e.Message)));
            }
        }
        if (budget.IsSpent)
            throw new ExtractionFailedException(ErrorCodes.ExtractionTimeout, BudgetSpent(o), attempts);
        throw new ExtractionFailedException(FailureCode(attempts, corruptDetail is not null), corruptDetail, attempts);
    }

    // Cleaning, icon removal and the checks each copy or scan the text: cut it first to what can survive the cap.
    static (string Text, bool Cut) Cap(string text, int limit)
    {
        if (text.Length <= limit) return (text, false);
        return (text[..(char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit)], true);
    }

    static string BudgetSpent(ExtractionOptions o) => $"the document's extraction budget of {o.DocumentBudgetSeconds} s (EXTRACTION_BUDGET_SECONDS) was spent";

    static string FailureCode(List<ExtractionAttempt> attempts, bool corrupt)
    {
        var ran = attempts.Where(a => a.Outcome is not (AttemptOutcome.Disabled or AttemptOutcome.Unavailable or AttemptOutcome.Skipped)).ToList();
        if (ran.Count > 0 && ran.All(a => a.Outcome == AttemptOutcome.Timeout)) return ErrorCodes.ExtractionTimeout;
        if (corrupt && ran.All(a => a.Outcome is AttemptOutcome.Corrupt or AttemptOutcome.Failed or AttemptOutcome.Timeout)) return ErrorCodes.CorruptDocument;
        if (ran.Count > 0 && ran.All(a => a.Outcome is AttemptOutcome.TooLittleText)) return ErrorCodes.NoText;
        return ErrorCodes.ExtractionFailed;
    }

    static string Shorten(string s)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length > 300 ? s[..300] : s;
    }
}

/// <summary>Every extractor failed; carries the attempts so the error response can show them.</summary>
public sealed class ExtractionFailedException(string code, string? detail, IReadOnlyList<ExtractionAttempt> attempts)
    : CodedException(code, detail)
{
    public IReadOnlyList<ExtractionAttempt> Attempts { get; } = attempts;
}
