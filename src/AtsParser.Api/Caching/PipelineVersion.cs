namespace AtsParser.Api.Caching;

/// <summary>
/// The one version of the whole upload → text → resume pipeline. Bump it whenever a change alters parse output
/// (extractor chains, heuristics, prompts, schema): cached results of older versions then stop matching.
/// </summary>
public static class PipelineVersion
{
    public const string Current = "2026.12.2";
}
