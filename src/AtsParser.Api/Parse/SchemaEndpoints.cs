using AtsParser.Core.Parsing.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AtsParser.Api.Parse;

public static class SchemaEndpoints
{
    static readonly Lazy<string> ResumeV1 = new(() => DataFiles.ReadText("resume-v1.schema.json"));

    public static IEndpointRouteBuilder MapSchemas(this IEndpointRouteBuilder app)
    {
        var schemas = app.MapGroup("/schemas").WithTags("Schemas");
        schemas.MapGet("/resume-v1.json", GetResumeV1).Produces(200, contentType: "application/schema+json");
        return app;
    }

    public static ContentHttpResult GetResumeV1(HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(ResumeV1.Value, "application/schema+json");
    }
}
