using AtsParser.Core.Parsing;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Caching;

public static class CacheServices
{
    public static IServiceCollection AddParseCache(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CacheOptions>().Bind(config.GetSection(CacheOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();
        services.AddMemoryCache();
        services.AddSingleton<ICacheStore>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<CacheOptions>>().Value.RedisUrl)
                ? ActivatorUtilities.CreateInstance<MemoryCacheStore>(sp)
                : ActivatorUtilities.CreateInstance<RedisCacheStore>(sp));
        // The parser's mode and model are part of every cache key; a model change must not serve old results.
        services.AddSingleton(sp =>
        {
            var mode = sp.GetService<IResumeParser>()?.Mode ?? "none";
            // The prompt version is part of the model identity: a new prompt must not serve answers cached from the old one.
            return new ParserIdentity(mode, mode == "openai" ? $"{config["OpenAi:Model"] ?? "gpt-4o-mini"}/{AtsParser.Core.Parsing.OpenAi.ExtractionPrompt.Version}" : "");
        });
        services.AddSingleton<ParseCache>();
        services.AddHostedService<RedisConnector>();
        services.AddSingleton<CachedParser>();
        return services;
    }

    sealed class RedisConnector(ICacheStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            (store as RedisCacheStore)?.StartConnecting();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
