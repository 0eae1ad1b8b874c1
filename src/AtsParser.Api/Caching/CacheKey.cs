using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AtsParser.Core.Parsing;

namespace AtsParser.Api.Caching;

/// <summary>
/// A parse result is cached under the document's sha256 (so an erase finds every variant), in a field that
/// fingerprints everything else that changes the output: pipeline version, parser mode and model, asOf and the
/// request options. IncludeText is left out because the cached entry keeps the text and it is added on the way out.
/// </summary>
public sealed record CacheKey(string Sha256, string Variant)
{
    public static CacheKey For(string sha256, ParseRequestOptions options, ParserIdentity parser, string pipelineVersion = PipelineVersion.Current)
    {
        // Serializing the options record means a newly added option changes the key without touching this file.
        var opts = JsonSerializer.Serialize(options with { IncludeText = false });
        var material = $"{pipelineVersion}\n{parser.Mode}\n{parser.Model}\n{opts}";
        return new CacheKey(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..32]);
    }
}

/// <summary>Which parser produces results: its mode ("heuristic", "openai") and model, if any.</summary>
public sealed record ParserIdentity(string Mode, string Model);
