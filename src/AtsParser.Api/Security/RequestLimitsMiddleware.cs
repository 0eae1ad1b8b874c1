using AtsParser.Core.Extraction;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Security;

/// <summary>
/// Request body caps per endpoint. The upload endpoints lift Kestrel's global cap because they enforce MAX_FILE_SIZE
/// per file while streaming; this puts a ceiling on the whole request again (files × size plus multipart overhead), so
/// a client cannot stream unbounded form fields. Endpoints that declare their own limit keep it; every other endpoint
/// gets one file's worth.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<ExtractionOptions> extraction)
{
    const long MultipartOverhead = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false } && LimitFor(context.GetEndpoint()) is { } limit) feature.MaxRequestBodySize = limit;
        return next(context);
    }

    internal long? LimitFor(Endpoint? endpoint)
    {
        var o = extraction.Value;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        return route switch
        {
            "/api/v1/parse" => o.MaxFileSizeBytes + MultipartOverhead,
            "/api/v1/bulk-parse-resumes" => o.BulkMaxFiles * o.MaxFileSizeBytes + MultipartOverhead,
            _ when endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is not null => null,
            _ => o.MaxFileSizeBytes + MultipartOverhead,
        };
    }
}
