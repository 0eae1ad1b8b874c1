using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AtsParser.Api.Infrastructure;

/// <summary>Known exceptions → RFC 9457 ProblemDetails with a stable `code`. Used by the handler and by bulk entries.</summary>
public static class Problems
{
    /// <summary>The one ProblemDetails factory: status, title and advice from the catalogue; `detail` (what is specific
    /// to this occurrence) goes before the advice.</summary>
    public static ProblemDetails For(string code, string? detail = null, IReadOnlyList<ExtractionAttempt>? attempts = null)
    {
        var info = ErrorCodes.Describe(code);
        var p = new ProblemDetails
        {
            Status = info.Status,
            Title = info.Title,
            Detail = detail is null ? info.Detail : detail.TrimEnd('.') + ". " + info.Detail,
            Type = $"https://atsparser.dev/errors/{code}",
        };
        p.Extensions["code"] = code;
        if (attempts is not null) p.Extensions["attempts"] = attempts;
        return p;
    }

    public static ProblemDetails? From(Exception e) => e switch
    {
        CodedException c => For(c),
        _ when Storage.StorageException.IsUnavailable(e) => For(Storage.StorageException.Unavailable),
        BadHttpRequestException { StatusCode: 413 } => For(ErrorCodes.FileTooLarge),
        BadHttpRequestException b when HttpErrors.FromBinding(b) is { } binding => binding,
        BadHttpRequestException b => For(ErrorCodes.All.ContainsKey(HttpErrors.ForStatus(b.StatusCode)) ? HttpErrors.ForStatus(b.StatusCode) : ErrorCodes.BadRequest),
        _ => null,
    };

    public static ProblemDetails For(CodedException e) => For(e.Code, e.Detail, (e as ExtractionFailedException)?.Attempts);
}

public sealed class ProblemExceptionHandler(IProblemDetailsService problems, Microsoft.Extensions.Options.IOptions<Storage.StorageOptions> storage,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Problems.From(exception);
        if (problem is null)
        {
            Log.Unhandled(logger, exception, http.Request.Path);
            problem = Problems.For(ErrorCodes.Internal);
        }
        // A 5xx with a code is still the server's trouble (an outage, a full house, a timeout): keep its cause for the operator.
        else if (problem.Status >= 500) Log.ServerSideProblem(logger, exception, http.Request.Path, problem.Extensions["code"] as string ?? "");
        http.Response.StatusCode = problem.Status ?? 500;
        // An outage or a full house is temporary: say when to come back instead of letting clients retry in a tight loop.
        var retryAfter = (exception as CodedException)?.RetryAfterSeconds
            ?? (problem.Extensions.TryGetValue("code", out var code) && code is Storage.StorageException.Unavailable ? storage.Value.UnavailableRetryAfterSeconds : null);
        if (retryAfter is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
