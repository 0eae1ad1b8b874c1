using AtsParser.Api.Storage;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Embeddings;

namespace AtsParser.Api.Search;

/// <summary>Semantic embeddings from an OpenAI-compatible /v1/embeddings endpoint (official OpenAI SDK).</summary>
public sealed class OpenAiEmbedder : IEmbedder
{
    readonly EmbeddingClient _client;
    readonly EmbeddingOptions _options;

    public OpenAiEmbedder(IOptions<EmbeddingOptions> options)
    {
        _options = options.Value;
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: _options.MaxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
        };
        if (!string.IsNullOrWhiteSpace(_options.BaseUrl)) clientOptions.Endpoint = new Uri(_options.BaseUrl);
        // Local OpenAI-compatible servers often need no key; the SDK still wants a non-empty credential.
        _client = new EmbeddingClient(_options.Model, new ApiKeyCredential(string.IsNullOrWhiteSpace(_options.ApiKey) ? "unused" : _options.ApiKey), clientOptions);
    }

    public string Model => _options.Model;

    public async Task<float[]> EmbedAsync(string text, CancellationToken ct)
    {
        if (text.Length > _options.MaxInputChars) text = text[.._options.MaxInputChars];
        // text-embedding-3-* can shorten their vectors; ask for exactly the column width.
        var request = _options.Model.StartsWith("text-embedding-3", StringComparison.Ordinal)
            ? new EmbeddingGenerationOptions { Dimensions = EmbeddingSpace.Dimensions }
            : new EmbeddingGenerationOptions();
        var response = await _client.GenerateEmbeddingAsync(string.IsNullOrWhiteSpace(text) ? " " : text, request, ct);
        return EmbeddingSpace.Fit(response.Value.ToFloats().ToArray(), _options.Model);
    }
}
