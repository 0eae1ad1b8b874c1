namespace AtsParser.Api.Security;

/// <summary>
/// Response headers for an API that browsers may call: no sniffing, no framing, no referrer, nothing cached
/// (responses carry personal data), and a CSP that allows nothing. The Swagger UI page gets a CSP that lets it run;
/// an endpoint can name its own with ContentSecurityPolicy metadata (the review page does).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    const string SwaggerPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var swagger = context.Request.Path.StartsWithSegments("/swagger");
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Value ?? (swagger ? SwaggerPolicy : ApiPolicy);
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (!swagger) h.CacheControl = "no-store";
            if (context.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
