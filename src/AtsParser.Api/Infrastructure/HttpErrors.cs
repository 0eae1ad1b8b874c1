using System.Text.RegularExpressions;
using AtsParser.Core.Documents;
using Microsoft.AspNetCore.Mvc;

namespace AtsParser.Api.Infrastructure;

/// <summary>
/// Failures at the HTTP level (routing, binding, framing, size, permissions; codes in the one catalogue, ErrorCodes), so that every non-2xx
/// answer carries a `code`, including the ones the framework writes itself (404, 405, 415, 400 from binding).
/// </summary>
public static partial class HttpErrors
{
    public const string NotFound = ErrorCodes.NotFound;
    public const string MethodNotAllowed = ErrorCodes.MethodNotAllowed;
    public const string UnsupportedMediaType = ErrorCodes.UnsupportedMediaType;
    public const string RequestTooLarge = ErrorCodes.RequestTooLarge;
    public const string InvalidParameter = ErrorCodes.InvalidParameter;
    public const string InvalidJson = ErrorCodes.InvalidJson;
    public const string MalformedMultipart = ErrorCodes.MalformedMultipart;
    public const string ValidationFailed = ErrorCodes.ValidationFailed;
    public const string Forbidden = ErrorCodes.Forbidden;
    public const string RequestTimeout = ErrorCodes.RequestTimeout;

    /// <summary>The code for a status the framework answers on its own (status-code pages, binding failures).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => ErrorCodes.BadRequest,
        401 => ErrorCodes.Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        408 => RequestTimeout,
        413 => RequestTooLarge,
        415 => UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        >= 500 => ErrorCodes.Internal,
        _ => "http_" + status,
    };

    /// <summary>Adds a code (and, for known codes, our wording) to every ProblemDetails that lacks one.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        if (p.Extensions.ContainsKey("code")) return;
        var status = p.Status ?? context.HttpContext.Response.StatusCode;
        var code = ForStatus(status);
        p.Extensions["code"] = code;
        if (ErrorCodes.All.TryGetValue(code, out var info) && (p.Detail is null || context.Exception is null))
        {
            p.Title = info.Title;
            p.Detail ??= info.Detail;
            p.Type = $"https://atsparser.dev/errors/{code}";
        }
    }

    /// <summary>
    /// Minimal-API binding failures (thrown because RouteHandlerOptions.ThrowOnBadRequest is on) in our words: the
    /// parameter's name and what it accepts, never the framework's "Failed to bind parameter \"Nullable&lt;DateOnly&gt; asOf\"".
    /// </summary>
    public static ProblemDetails? FromBinding(BadHttpRequestException e)
    {
        if (e.StatusCode == 415) return Problems.For(UnsupportedMediaType);
        var m = BindingRegex().Match(e.Message);
        if (!m.Success)
            return e.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Text.Json.JsonException
                ? Problems.For(InvalidJson) : null;
        var type = m.Groups["type"].Value;
        var name = m.Groups["name"].Value;
        if (m.Groups["verb"].Value.EndsWith("read", StringComparison.Ordinal)) return Problems.For(InvalidJson);
        var expected = Expected(type);
        var problem = Problems.For(InvalidParameter, m.Groups["verb"].Value == "Required"
            ? $"The parameter '{name}' is required; give {expected}"
            : $"The value of '{name}' is not valid; give {expected}");
        problem.Extensions["parameter"] = name;
        return problem;
    }

    static string Expected(string type)
    {
        var t = type.Replace("Nullable<", "").TrimEnd('>');
        return t switch
        {
            "DateOnly" => "a date such as 2024-06-30",
            "Boolean" or "bool" => "true or false",
            "Int32" or "int" or "Int64" or "long" => "a whole number",
            "Guid" => "an id (a UUID)",
            "Double" or "double" => "a number",
            _ => "a value of the documented type",
        };
    }

    [GeneratedRegex("^(?<verb>Failed to bind|Failed to read|Required) parameter \"(?<type>[^\"]*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex BindingRegex();
}

/// <summary>
/// The framework's writer only answers clients whose Accept header admits JSON; ours then writes the same
/// application/problem+json anyway (an error body the client did not ask for beats an empty one). Registered after it.
/// </summary>
public sealed class FallbackProblemWriter(Microsoft.Extensions.Options.IOptions<ProblemDetailsOptions> options,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var p = context.ProblemDetails;
        p.Status ??= http.Response.StatusCode;
        p.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(p.Status.Value);
        p.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(p, p.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
