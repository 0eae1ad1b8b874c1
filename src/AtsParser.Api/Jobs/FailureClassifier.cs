using System.Net;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Npgsql;

namespace AtsParser.Api.Jobs;

/// <summary>What went wrong with one item, and whether trying again later can help.</summary>
public sealed record ItemFailure(string Code, string Detail, bool Transient);

/// <summary>
/// Permanent: the document itself is the problem (unsupported, encrypted, corrupt, no text...), so a retry
/// gives the same answer. Transient: timeouts, 5xx/429 from a dependency (the LLM), database blips. Anything
/// unknown counts as transient too, so a bug is retried a few times and then dead-lettered with its reason,
/// where it can be requeued once fixed, instead of being silently failed.
/// </summary>
public static class FailureClassifier
{
    public const string Internal = ErrorCodes.Internal;
    public const string Timeout = ErrorCodes.StepTimeout;
    public const string UpstreamError = ErrorCodes.UpstreamError;
    public const string RateLimited = ErrorCodes.RateLimited;
    public const string DatabaseError = ErrorCodes.DatabaseError;
    public const string LeaseExpired = ErrorCodes.LeaseExpired;

    public static ItemFailure Classify(Exception e) => e switch
    {
        DocumentException d => new(d.Code, d.Detail ?? ErrorCodes.Describe(d.Code).Title, false),
        ExtractionFailedException { Code: ErrorCodes.ExtractionTimeout } x => new(x.Code, x.Detail ?? "Extraction timed out.", true),
        ExtractionFailedException x => new(x.Code, x.Detail ?? ErrorCodes.Describe(x.Code).Title, false),
        // Any other coded failure (parse_timeout, server_busy, storage_unavailable): a 5xx code is the server's state, worth a retry.
        CodedException c => new(c.Code, c.Detail ?? ErrorCodes.Describe(c.Code).Title, ErrorCodes.Describe(c.Code).Status >= 500),
        HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } => new(RateLimited, "The model endpoint answered 429 Too Many Requests.", true),
        HttpRequestException { StatusCode: { } s } when (int)s >= 500 => new(UpstreamError, $"A dependency answered {(int)s}.", true),
        HttpRequestException { StatusCode: { } s } => new(UpstreamError, $"A dependency refused the request with {(int)s}.", false),
        HttpRequestException h => new(UpstreamError, $"A dependency could not be reached ({h.HttpRequestError}).", true),
        TimeoutException or OperationCanceledException => new(Timeout, "The step timed out.", true),
        NpgsqlException => new(DatabaseError, "The database was unavailable.", true),
        _ when StatusOf(e) is { } status => new(status == 429 ? RateLimited : UpstreamError, $"The model endpoint answered {status}.", status == 429 || status >= 500 || status == 408),
        _ => new(Internal, e.GetType().Name, true),
    };

    // The OpenAI SDK's ClientResultException carries the HTTP status in `Status`; read it without binding this
    // file to the SDK so the classification holds for any OpenAI-compatible client.
    static int? StatusOf(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x.GetType().GetProperty("Status")?.GetValue(x) is int s and >= 400) return s;
        return null;
    }
}
