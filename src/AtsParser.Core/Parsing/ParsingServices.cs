using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;

namespace AtsParser.Core.Parsing;

public static class ParsingServices
{
    /// <summary>
    /// The structured-resume parser. The heuristic parser is registered as itself too, so another IResumeParser (the
    /// OpenAI one) can fall back to it; both finish through the same ResumeFinalizer.
    /// </summary>
    public static IServiceCollection AddParsing(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<SkillDictionary>();
        services.AddSingleton<ResumeFinalizer>();
        services.AddHostedService<PhoneNormalizerWarmUp>();
        services.AddSingleton<HeuristicResumeParser>();
        services.AddSingleton<IResumeParser>(sp => sp.GetRequiredService<HeuristicResumeParser>());
        return services;
    }
}
