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

    /// <summary>From the database, or from the outbox while a deferred store waits there (then `storage` is "deferred").</summary>
    public static async Task<Results<Ok<ParseResult>, ProblemHttpResult>> Get(Guid id, HttpContext http, ResumeStore store, DeferredResumes deferred, CancellationToken ct)
    {
        var tenant = Tenancy.TenantOf(http);
        try
        {
            if (await store.GetAsync(tenant, id, ct) is { } stored) return TypedResults.Ok(stored);
        }
        catch (Exception e) when (StorageException.IsUnavailable(e) && !ct.IsCancellationRequested)
        {
            if (await deferred.TryGetAsync(tenant, id, ct) is { } waiting) return TypedResults.Ok(waiting);
            throw;
        }
        if (!deferred.Active) return NotFound();
        if (await deferred.TryGetAsync(tenant, id, ct) is { } pending) return TypedResults.Ok(pending);
        // The drainer writes the row before it removes the entry: one that left the outbox between the two reads is in the database now.
        return await store.GetAsync(tenant, id, ct) is { } drained ? TypedResults.Ok(drained) : NotFound();
    }

    /// <summary>GDPR erase: the row, its text and embeddings (cascade), and every cached parse of the same bytes.</summary>
    /// <summary>A deferred store is taken out of the outbox first (so it is never written), then the database row goes.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, ResumeStore store, DeferredResumes deferred, ParseCache cache,
        ILogger<ResumeStore> logger, CancellationToken ct)
    {
        var tenant = Tenancy.TenantOf(http);
        string? fromOutbox = null, fromDatabase = null;
        Exception? outboxFailure = null;
        try { fromOutbox = await deferred.EraseAsync(tenant, id, ct); }
        catch (Exception e) when (!ct.IsCancellationRequested) { outboxFailure = e; }
        try { fromDatabase = await store.DeleteAsync(tenant, id, ct); }
        catch (Exception e) when (fromOutbox is not null && StorageException.IsUnavailable(e) && !ct.IsCancellationRequested) { /* it only ever was in the outbox */ }
        var sha = fromDatabase ?? fromOutbox;
        // Not in the database, and Redis could not say whether the outbox holds it: a 404 could be wrong (it would be written later).
        if (sha is null && outboxFailure is not null) throw new StorageException(StorageException.Unavailable, null, outboxFailure);
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
