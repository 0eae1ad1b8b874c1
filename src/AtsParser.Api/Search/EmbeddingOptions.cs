using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Search;

public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    /// <summary>"auto" (OpenAI-compatible when a base URL or API key is set, else lexical), "openai" or "lexical".</summary>
    [Required, RegularExpression("^(auto|openai|lexical)$")] public string Provider { get; set; } = "auto";

    /// <summary>EMBEDDINGS_BASE_URL: an OpenAI-compatible endpoint including /v1 (e.g. http://127.0.0.1:8080/v1). Empty: api.openai.com.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>EMBEDDINGS_MODEL.</summary>
    [Required] public string Model { get; set; } = "text-embedding-3-small";

    /// <summary>OPENAI_API_KEY.</summary>
    public string? ApiKey { get; set; }

    [Range(1, 120)] public int TimeoutSeconds { get; set; } = 20;

    [Range(0, 5)] public int MaxRetries { get; set; } = 2;

    /// <summary>Characters of resume text sent to the model (about 4 characters per token; the model's limit is 8191 tokens).</summary>
    [Range(100, 100_000)] public int MaxInputChars { get; set; } = 24_000;

    public bool UseOpenAi => Provider == "openai" || (Provider == "auto" && (!string.IsNullOrWhiteSpace(BaseUrl) || !string.IsNullOrWhiteSpace(ApiKey)));
}

[OptionsValidator]
public sealed partial class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>;
