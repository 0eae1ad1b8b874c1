using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace AtsParser.Core.Parsing.Compaction;

/// <summary>
/// Counts tokens the way the configured model is billed: with the model's own tokenizer where we ship its data
/// (o200k_base: gpt-4o, gpt-4.1, gpt-4.5, o1/o3/o4, gpt-5), otherwise as characters / CHARS_PER_TOKEN_ESTIMATE.
/// </summary>
public abstract partial class TokenCounter
{
    /// <summary>"o200k_base", or "chars/4" for the estimate.</summary>
    public abstract string Name { get; }

    public abstract int Count(string text);

    /// <summary>True for characters / CHARS_PER_TOKEN_ESTIMATE, false for a real tokenizer.</summary>
    public bool IsEstimate => this is CharEstimate;

    public static TokenCounter Estimate(double charsPerToken) => new CharEstimate(charsPerToken);

    public static TokenCounter For(string model, double charsPerTokenEstimate) =>
        O200kFamily().IsMatch(model) ? O200k : Estimate(charsPerTokenEstimate);

    /// <summary>One per process: its vocabulary takes seconds to load (bench/RESULTS.md), so it is loaded once, lazily or by Warm.</summary>
    public static readonly TokenCounter O200k = new Tiktoken("o200k_base", "gpt-4o");

    // An optional provider prefix ("openai/gpt-4o"), then the family, then the end or a version/size suffix.
    [GeneratedRegex(@"^(?:[\w.-]+/)?(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4)(?:$|[-.:_])", RegexOptions.IgnoreCase)]
    private static partial Regex O200kFamily();

    sealed class CharEstimate(double charsPerToken) : TokenCounter
    {
        public override string Name => $"chars/{charsPerToken.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
        public override int Count(string text) => (int)Math.Ceiling(text.Length / charsPerToken);
    }

    sealed class Tiktoken(string encoding, string model) : TokenCounter
    {
        readonly Lazy<Tokenizer> _tokenizer = new(() => TiktokenTokenizer.CreateForModel(model), LazyThreadSafetyMode.ExecutionAndPublication);
        public override string Name => encoding;
        public override int Count(string text) => text.Length == 0 ? 0 : _tokenizer.Value.CountTokens(text);
    }
}
