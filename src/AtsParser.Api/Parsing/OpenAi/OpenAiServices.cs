using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace AtsParser.Api.Parsing.OpenAi;

public static class OpenAiServices
{
    public const string HeuristicKey = "heuristic";

    /// <summary>
    /// With OPENAI_API_KEY set, IResumeParser becomes the OpenAI parser, and the parser registered before this
    /// call (the heuristic one) becomes its fallback. Without a key nothing changes. Call after AddParsing.
    /// </summary>
    public static IServiceCollection AddOpenAiParsing(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OpenAiOptions>().Bind(config.GetSection(OpenAiOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsValidator>());
        services.TryAddSingleton<TokenCalibration>();
        if (string.IsNullOrWhiteSpace(config[$"{OpenAiOptions.Section}:{nameof(OpenAiOptions.ApiKey)}"])) return services;

        // Re-register the existing parser under a key, so that the OpenAI parser can fall back to it.
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IResumeParser) && !d.IsKeyedService);
        if (existing is not null)
        {
            services.Remove(existing);
            services.Add(Keyed(existing));
        }
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpenAiOptions>>().Value;
            var client = new ChatClient(o.Model, new ApiKeyCredential(o.ApiKey!), new OpenAIClientOptions
            {
                Endpoint = o.Endpoint(),
                // The parser owns the failure policy (Retry-After caps, compaction on context_length_exceeded, fallback).
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // The parser's own per-attempt timeout fires first; this only bounds a connection the parser has abandoned.
                NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds + 5),
            });
            Log.OpenAiParserEnabled(sp.GetRequiredService<ILogger<OpenAiResumeParser>>(), o.Model, o.Endpoint().Host);
            return client;
        });
        services.AddSingleton<IResumeParser>(sp => new OpenAiResumeParser(
            sp.GetRequiredService<ChatClient>(), sp.GetRequiredService<IOptions<OpenAiOptions>>(), sp.GetRequiredService<TokenCalibration>(),
            sp.GetRequiredService<ILogger<OpenAiResumeParser>>(), sp.GetKeyedService<IResumeParser>(HeuristicKey), sp.GetServices<IResumeFinalizer>()));
        return services;
    }

    static ServiceDescriptor Keyed(ServiceDescriptor d) =>
        d.ImplementationInstance is { } instance ? new ServiceDescriptor(d.ServiceType, HeuristicKey, instance)
        : d.ImplementationFactory is { } factory ? new ServiceDescriptor(d.ServiceType, HeuristicKey, (sp, _) => factory(sp), d.Lifetime)
        : new ServiceDescriptor(d.ServiceType, HeuristicKey, d.ImplementationType!, d.Lifetime);
}
