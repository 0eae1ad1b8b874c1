using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using AtsParser.Core.Observability;

namespace AtsParser.Core.Pipeline;

/// <summary>Upload → detect → extract → parse → result: the one path behind /parse, bulk, the job worker and `eval`.</summary>
public sealed class DocumentPipeline(ChainRunner runner, AtsMetrics metrics, ILogger<DocumentPipeline> logger, IResumeParser? parser = null)
{
    public async Task<ParseResult> ProcessAsync(Upload upload, ParseRequestOptions options, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var bytes = upload.Bytes ?? [];
        var sha = upload.Sha256;
        var format = "unknown";
        try
        {
            if (upload.Error is not null) throw upload.Error;
            var sw = Stopwatch.StartNew();
            var sniff = FormatSniffer.Sniff(bytes, upload.FileName, upload.ContentType);
            var detectMs = sw.ElapsedMilliseconds;
            format = sniff.Format.Name();
            sw.Restart();
            var extraction = await runner.RunAsync(new ExtractionInput(bytes, sniff), ct);
            var extractMs = sw.ElapsedMilliseconds;
            sw.Restart();
            Resume? resume = null;
            if (parser is not null)
                resume = await ParseAsync(parser, new ParseInput(extraction.FullText, extraction.LinkTargets, options.AsOf) { TextTruncated = extraction.Truncated, Hints = extraction.Hints }, ct);
            var parseMs = sw.ElapsedMilliseconds;
            if (options.IncludeText) extraction = extraction with { Text = extraction.FullText };
            Log.DocumentParsed(logger, sha, sniff.Format.Name(), bytes.LongLength, extraction.ExtractedBy, extraction.OcrUsed, extraction.Chars, total.ElapsedMilliseconds);
            metrics.ExtractionCompleted(extraction.ExtractedBy, extractMs / 1000d, extraction.OcrPages);
            metrics.DocumentProcessed(format, extraction.ExtractedBy, DocumentOutcome.Success, total.Elapsed.TotalSeconds);
            return new ParseResult
            {
                Document = new DocumentInfo(sha, upload.FileName, sniff.Format, bytes.LongLength, extraction.Pages),
                Extraction = extraction,
                TimingsMs = new() { ["detect"] = detectMs, ["extract"] = extractMs, ["parse"] = parseMs, ["total"] = total.ElapsedMilliseconds },
                Resume = resume,
            };
        }
        catch (CodedException e)
        {
            Log.DocumentRejected(logger, sha, bytes.LongLength, e.Code);
            metrics.DocumentProcessed(format, "none", AtsMetrics.Outcome(e.Code), total.Elapsed.TotalSeconds);
            throw;
        }
        catch (Exception e)
        {
            metrics.DocumentProcessed(format, "none", e is OperationCanceledException ? DocumentOutcome.Cancelled : DocumentOutcome.Failed, total.Elapsed.TotalSeconds);
            throw;
        }
    }

    // The parsers' regexes carry a match timeout against pathological text; it is wall-clock, so a starved machine
    // trips it too (50 parses at once on 2 cores did). Either way the answer is a coded 504, never a 500.
    static async Task<Resume> ParseAsync(IResumeParser parser, ParseInput input, CancellationToken ct)
    {
        try { return await parser.ParseAsync(input, ct); }
        catch (RegexMatchTimeoutException e)
        {
            throw new CodedException(ErrorCodes.ParseTimeout, $"The parser's pattern guard fired after {e.MatchTimeout.TotalMilliseconds:0} ms", e);
        }
    }
}
