using AtsParser.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AtsParser.Api.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/search").WithTags("Search").AddEndpointFilter(ResumeEndpoints.RequireStorage).ProducesProblem(503);
        api.MapPost("/", Search).ProducesValidationProblem();
        return app;
    }

    /// <summary>`ranking=hybrid` re-ranks with skill and title overlap; the default is the vector order (it measured best).</summary>
    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> Search(SearchRequest request, CandidateSearch search, string? ranking, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text)) errors["text"] = ["Give the job description or query in `text`."];
        if (request.TopK is < 1 or > 100) errors["topK"] = ["topK must be between 1 and 100."];
        if (ranking is not (null or "hybrid" or "vector")) errors["ranking"] = ["ranking is `vector` (default) or `hybrid`."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = "validation_failed" });
        var weights = ranking == "hybrid" ? HybridWeights.Hybrid : HybridWeights.VectorOnly;
        return TypedResults.Ok(await search.SearchAsync(request, weights, ct));
    }
}
