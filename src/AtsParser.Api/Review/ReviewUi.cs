using AtsParser.Api.Storage;
using AtsParser.Api.Security;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Review;

public sealed class UiOptions
{
    public const string Section = "Ui";

    /// <summary>UI_ENABLED: serve the review page at /ui/ (static files from wwwroot; the API itself is unaffected).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>What the page needs to know before the user gives a key: whether to ask for one, and which features exist.</summary>
public sealed record UiConfig(bool AuthRequired, bool StorageEnabled, int MaxFileSizeBytes, int BulkMaxFiles);

/// <summary>
/// The review page: plain ES modules and CSS from wwwroot, no build step. The files are public (they hold no data; every
/// API call the page makes sends the user's key), and are served with a CSP that allows only this origin's scripts,
/// styles and API (no inline script or style).
/// </summary>
public static class ReviewUi
{
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                                 "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    static readonly FileExtensionContentTypeProvider Types = new();

    public static IServiceCollection AddReviewUi(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<UiOptions>().Bind(config.GetSection(UiOptions.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapReviewUi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<UiOptions>>().Value.Enabled) return app;
        var csp = new ContentSecurityPolicy(Policy);
        app.MapGet("/", () => TypedResults.Redirect("/ui/")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ui/config.json", Config).AllowAnonymous().ExcludeFromDescription();
        var files = Files(app.ServiceProvider.GetRequiredService<IWebHostEnvironment>());
        app.MapGet("/ui/{**path}", (string? path, HttpRequest request) => File(path, request, files)).AllowAnonymous().WithMetadata(csp).ExcludeFromDescription();
        return app;
    }

    static UiConfig Config(IOptions<SecurityOptions> security, IOptions<StorageOptions> storage, IOptions<AtsParser.Core.Extraction.ExtractionOptions> extraction) =>
        new(security.Value.AuthEnforced, storage.Value.Enabled, (int)Math.Min(int.MaxValue, extraction.Value.MaxFileSizeBytes), extraction.Value.BulkMaxFiles);

    /// <summary>wwwroot under the content root, else next to the assembly (a published service started from another directory).</summary>
    static IFileProvider Files(IWebHostEnvironment env) =>
        env.WebRootFileProvider.GetFileInfo("index.html").Exists || !Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            ? env.WebRootFileProvider
            : new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));

    static IResult File(string? path, HttpRequest request, IFileProvider files)
    {
        // Relative module imports need the trailing slash.
        if (request.Path.Value == "/ui") return TypedResults.Redirect("/ui/");
        path = string.IsNullOrEmpty(path) ? "index.html" : path;
        var file = path.Contains("..", StringComparison.Ordinal) ? null : files.GetFileInfo(path);
        if (file is not { Exists: true, IsDirectory: false } || !Types.TryGetContentType(path, out var type))
        {
            return TypedResults.Problem(Infrastructure.Problems.For(AtsParser.Core.Documents.ErrorCodes.UiFileNotFound, $"The review page has no file {path}"));
        }
        return TypedResults.Stream(file.CreateReadStream(), type == "text/javascript" ? "text/javascript; charset=utf-8" : type);
    }
}
