using AtsParser.Api.Storage;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Search;

public static class SearchServices
{
    /// <summary>The embedder that stored resumes and search queries share (OpenAI when configured, else lexical), and the search.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EmbeddingOptions>().Bind(config.GetSection(EmbeddingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddSingleton<IEmbedder>(sp => sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.UseOpenAi
            ? ActivatorUtilities.CreateInstance<OpenAiEmbedder>(sp)
            : new LexicalEmbedder());
        services.AddScoped<CandidateSearch>();
        return services;
    }
}
