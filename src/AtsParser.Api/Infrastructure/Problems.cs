using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AtsParser.Api.Infrastructure;

/// <summary>Known exceptions → RFC 9457 ProblemDetails with a stable `code`. Used by the handler and by bulk entries.</summary>
public static class Problems
{
    public static ProblemDetails For(string code, string? detail = null, IReadOnlyList<ExtractionAttempt>? attempts = null)
    {
        var info = HttpErrors.All.TryGetValue(code, out var http) ? http : ErrorCodes.Describe(code);
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
        DocumentException d => For(d.Code, d.Detail),
        Security.ScopeException s => Security.SecurityProblems.Forbidden(s.Scope),
        ExtractionFailedException x => For(x.Code, x.Detail, x.Attempts),
        Storage.StorageException s => For(s.Code, s.Detail),
        _ when Storage.StorageException.IsUnavailable(e) => For(Storage.StorageException.Unavailable),
        BadHttpRequestException { StatusCode: 413 } => For(ErrorCodes.FileTooLarge),
        BadHttpRequestException b when HttpErrors.FromBinding(b) is { } binding => binding,
        BadHttpRequestException b => For(HttpErrors.All.ContainsKey(HttpErrors.ForStatus(b.StatusCode)) ? HttpErrors.ForStatus(b.StatusCode) : ErrorCodes.BadRequest),
        _ => null,
    };
}

public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Problems.From(exception);
        if (problem is null)
        {
            Log.Unhandled(logger, exception, http.Request.Path);
            problem = new ProblemDetails { Status = 500, Title = "Internal error", Detail = "An unexpected error occurred. Retry; if it persists, report the request's traceId." };
            problem.Extensions["code"] = "internal_error";
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
