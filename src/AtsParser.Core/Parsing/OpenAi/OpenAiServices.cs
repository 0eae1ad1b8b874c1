using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace AtsParser.Core.Parsing.OpenAi;

public static class OpenAiServices
{
    /// <summary>
    /// With OPENAI_API_KEY set, IResumeParser becomes the OpenAI parser, with the heuristic parser (registered by
    /// AddParsing) as its fallback and the shared ResumeFinalizer for dates, phones, derived fields and quality.
    /// Without a key nothing changes. Call after AddParsing.
    /// </summary>
    public static IServiceCollection AddOpenAiParsing(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OpenAiOptions>().Bind(config.GetSection(OpenAiOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsValidator>());
        services.AddAtsMetrics();
        services.TryAddSingleton<TokenCalibration>();
        services.AddHostedService<TokenizerWarmUp>();
        // Decided when the parser is first resolved, from the bound options, not while services are registered:
        // configuration sources added after Program's registration code (hosting overrides, test hosts) still count.
        var heuristic = services.LastOrDefault(d => d.ServiceType == typeof(IResumeParser));
        services.RemoveAll<IResumeParser>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OpenAiOptions>>().Value;
            var client = new ChatClient(o.Model, new ApiKeyCredential(o.ApiKey!), new OpenAIClientOptions
            {
                Endpoint = o.Endpoint(),
                // The parser's Polly pipeline is the one retry layer (OpenAiRetries); the SDK's own would multiply the attempts.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // The parser's own per-attempt timeout fires first; this only bounds a connection the parser has abandoned.
                NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds + 5),
            });
            Log.OpenAiParserEnabled(sp.GetRequiredService<ILogger<OpenAiResumeParser>>(), o.Model, o.Endpoint().Host);
            return client;
        });
        services.AddSingleton<IResumeParser>(sp => sp.GetRequiredService<IOptions<OpenAiOptions>>().Value.Enabled
            ? new OpenAiResumeParser(
                sp.GetRequiredService<ChatClient>(), sp.GetRequiredService<IOptions<OpenAiOptions>>(), sp.GetRequiredService<TokenCalibration>(), sp.GetRequiredService<AtsMetrics>(),
                sp.GetRequiredService<ILogger<OpenAiResumeParser>>(), sp.GetService<HeuristicResumeParser>(), sp.GetService<ResumeFinalizer>(),
                sp.GetService<SkillDictionary>(), sp.GetService<TimeProvider>())
            : heuristic is null ? sp.GetRequiredService<HeuristicResumeParser>() : Resolve(sp, heuristic));
        return services;
    }

    /// <summary>Loads the model's tokenizer in the background at start-up (seconds; bench/RESULTS.md), so the first parse does not wait for it.</summary>
    sealed class TokenizerWarmUp(IOptions<OpenAiOptions> options, ILogger<OpenAiResumeParser> logger) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken ct)
        {
            var o = options.Value;
            var tokens = Compaction.TokenCounter.For(o.Model, o.CharsPerTokenEstimate);
            if (!o.Enabled || tokens.IsEstimate) return Task.CompletedTask;
            return Task.Run(() =>
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                tokens.Count("warm-up");
                Log.TokenizerLoaded(logger, tokens.Name, sw.ElapsedMilliseconds);
            }, ct);
        }
    }

    static IResumeParser Resolve(IServiceProvider sp, ServiceDescriptor d) =>
        (IResumeParser)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.GetServiceOrCreateInstance(sp, d.ImplementationType!));
}
