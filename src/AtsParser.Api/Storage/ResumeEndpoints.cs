using AtsParser.Api.Caching;
using AtsParser.Api.Infrastructure;
using AtsParser.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Storage;

public static class ResumeEndpoints
{
    public static IEndpointRouteBuilder MapResumes(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/resumes").WithTags("Resumes").AddEndpointFilter(RequireStorage).ProducesProblem(503);
        api.MapGet("/", List).RequireScope(Scopes.ResumesRead);
        api.MapGet("/{id:guid}", Get).RequireScope(Scopes.ResumesRead).ProducesProblem(404);
        api.MapDelete("/{id:guid}", Delete).RequireScope(Scopes.ResumesWrite).ProducesProblem(404);
        return app;
    }

    public const int MaxPage = 1_000_000;

    public static async Task<Ok<ResumePage>> List(HttpContext http, ResumeStore store, string[]? skill, string? title, string? location, int? minExperienceMonths,
        int? page, int? pageSize, CancellationToken ct)
    {
        // (page - 1) × pageSize must stay a valid row offset (page=2147483647 used to overflow into a 500).
        if (page is < 1 or > MaxPage) throw new Core.Documents.DocumentException(HttpErrors.InvalidParameter, $"page must be between 1 and {MaxPage:N0}");
        if (pageSize is < 1 or > 100) throw new Core.Documents.DocumentException(HttpErrors.InvalidParameter, "pageSize must be between 1 and 100");
        var filters = new ResumeFilters { Skills = skill, Title = title, Location = location, MinExperienceMonths = minExperienceMonths };
        return TypedResults.Ok(await store.ListAsync(Tenancy.TenantOf(http), filters, page ?? 1, pageSize ?? 20, ct));
    }

    public static async Task<Results<Ok<ParseResult>, ProblemHttpResult>> Get(Guid id, HttpContext http, ResumeStore store, CancellationToken ct) =>
        await store.GetAsync(Tenancy.TenantOf(http), id, ct) is { } result ? TypedResults.Ok(result) : NotFound();

    /// <summary>GDPR erase: the row, its text and embeddings (cascade), and every cached parse of the same bytes.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, ResumeStore store, ParseCache cache, ILogger<ResumeStore> logger, CancellationToken ct)
    {
        var sha = await store.DeleteAsync(Tenancy.TenantOf(http), id, ct);
        if (sha is null) return NotFound();
        var cacheErased = await cache.EraseAsync(sha, ct);
        Log.ResumeErased(logger, id, sha, cacheErased);
        return TypedResults.NoContent();
    }

    static ProblemHttpResult NotFound() => TypedResults.Problem(Problems.For(StorageException.NotFound));

    /// <summary>Storage endpoints answer 503 storage_disabled (with how to enable it) when DATABASE_URL is unset.</summary>
    public static async ValueTask<object?> RequireStorage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var storage = context.HttpContext.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value;
        return storage.Enabled ? await next(context) : TypedResults.Problem(Problems.For(StorageException.Disabled));
    }
}
