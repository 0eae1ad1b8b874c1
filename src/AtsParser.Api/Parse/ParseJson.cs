using System.Text.Json;
using System.Text.Json.Serialization;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Parse;

/// <summary>
/// Source-generated JSON for the parse answers (one per request, 5-20 KB each): written by generated code instead of
/// reflection-built converters. Its options are the API's (web defaults, nulls left out), so the generated fast path
/// is the one used; every other type still goes through the reflection resolver behind it in the chain.
/// ApiJsonTests checks both write the same bytes.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ParseResult))]
[JsonSerializable(typeof(BulkParseResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

public static class ApiJson
{
    /// <summary>The API's JSON settings: web defaults, nulls left out, the parse answers source-generated.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        o.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    }
}
