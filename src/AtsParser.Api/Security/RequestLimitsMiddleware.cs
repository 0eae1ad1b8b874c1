using AtsParser.Core.Extraction;
using AtsParser.Core.Documents;
using AtsParser.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace AtsParser.Api.Security;

/// <summary>
/// An endpoint's request-body cap, as endpoint metadata: a fixed size or one computed from options (uploads:
/// files × MAX_FILE_SIZE plus multipart framing). `Code` is what a request over it is told (file_too_large for
/// uploads, request_too_large elsewhere).
/// </summary>
public sealed record BodyLimit(Func<IServiceProvider, long> Bytes, string Code);

public static class BodyLimits
{
    /// <summary>Endpoints that declare nothing: no endpoint without its own limit reads more than this.</summary>
    public const long Default = 1024 * 1024;

    public const long MultipartOverhead = 1024 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(_ => bytes, HttpErrors.RequestTooLarge));

    public static TBuilder WithUploadLimit<TBuilder>(this TBuilder builder, Func<IServiceProvider, long> bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes, ErrorCodes.FileTooLarge));
}

/// <summary>
/// Applies the endpoint's BodyLimit before the handler runs: a declared Content-Length over it is refused at once
/// (413 ProblemDetails, nothing read); otherwise the server's per-request cap is set to it, so a chunked body
/// fails while streaming. Where the server offers no cap (the in-memory test server), the body is wrapped instead.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>();
        var limit = declared?.Bytes(context.RequestServices) ?? BodyLimits.Default;
        var code = declared?.Code ?? HttpErrors.RequestTooLarge;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problems.For(code, $"The request body is {context.Request.ContentLength:N0} bytes; this endpoint accepts at most {limit:N0}"),
            });
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        else if (feature is null && context.Request.Body.CanRead) // Throws what Kestrel throws past its cap, so the same mapping applies.
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit, () => new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));
        await next(context);
    }
}
