using AtsParser.Core.Documents;
using AtsParser.Api.Storage;
using System.Text.Json;
using AtsParser.Api.Infrastructure;
using AtsParser.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AtsParser.Api.Search;

public static class SearchEndpoints
{
    /// <summary>
    /// `text` is at most 100,000 characters; JSON may spend up to 6 bytes on one (\uXXXX), plus filters and framing.
    /// The cap is endpoint metadata, applied (Content-Length first) before a byte of the body is read.
    /// </summary>
    public const long MaxBodyBytes = 640 * 1024;

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/search").WithTags("Search").AddEndpointFilter(ResumeEndpoints.RequireStorage).ProducesProblem(503);
        api.MapPost("/", Search).RequireScope(Scopes.Search).WithBodyLimit(MaxBodyBytes).Accepts<SearchRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(413).ProducesProblem(415);
        return app;
    }

    /// <summary>`ranking=hybrid` re-ranks with skill and title overlap; the default is the vector order (it measured best).</summary>
    public static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> Search(HttpRequest http, CandidateSearch search, IEmbedder embedder,
        IOptions<JsonOptions> json, string? ranking, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var media) || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(Problems.For(HttpErrors.UnsupportedMediaType, "Send the search as application/json"));
        SearchRequest? request;
        try { request = await JsonSerializer.DeserializeAsync<SearchRequest>(http.Body, json.Value.SerializerOptions, ct); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(Problems.For(HttpErrors.RequestTooLarge, $"A search body is limited to {MaxBodyBytes:N0} bytes"));
        }
        catch (JsonException) { return TypedResults.Problem(Problems.For(HttpErrors.InvalidJson, "The body must be a JSON object such as {\"text\": \"accountant with IFRS\", \"topK\": 10}")); }
        if (request is null) return TypedResults.Problem(Problems.For(HttpErrors.InvalidJson, "The body must be a JSON object such as {\"text\": \"accountant with IFRS\", \"topK\": 10}"));

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text)) errors["text"] = ["Give the job description or query in `text`."];
        else if (request.Text.Length > SearchRequest.MaxTextLength) errors["text"] = [$"`text` is limited to {SearchRequest.MaxTextLength:N0} characters."];
        if (request.TopK is < 1 or > 100) errors["topK"] = ["topK must be between 1 and 100."];
        if (ranking is not (null or "hybrid" or "vector")) errors["ranking"] = ["ranking is `vector` (default) or `hybrid`."];
        if (errors.Count > 0) return Invalid(errors);
        // A query with no searchable word ("a", "--", "é") embeds to the zero vector, whose cosine distance is NaN.
        var query = await embedder.EmbedAsync(request.Text, ct);
        if (!query.Any(x => x != 0 && float.IsFinite(x)))
            return Invalid(new() { ["text"] = ["`text` has no searchable words (stop words, punctuation and single letters are ignored). Give skills, titles or a job description."] });
        var weights = ranking == "hybrid" ? HybridWeights.Hybrid : HybridWeights.VectorOnly;
        return TypedResults.Ok(await search.SearchAsync(Tenancy.TenantOf(http.HttpContext), request, query, weights, ct));
    }

    static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: ErrorCodes.All[ErrorCodes.ValidationFailed].Detail,
            type: $"https://atsparser.dev/errors/{HttpErrors.ValidationFailed}", extensions: new Dictionary<string, object?> { ["code"] = HttpErrors.ValidationFailed });
}
