using AtsParser.Core.Extraction;

namespace AtsParser.Tests.Extraction;

/// <summary>An extractor whose behaviour the test scripts; it counts how often the runner called it.</summary>
public sealed class FakeExtractor(string name, Func<CancellationToken, Task<ExtractorOutput>> behaviour, params string[] tools) : IExtractor
{
    int _calls;

    public string Name => name;
    public IReadOnlyList<string> Tools => tools;
    public int Calls => _calls;

    public Task<ExtractorOutput> ExtractAsync(ExtractionInput input, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        return behaviour(ct);
    }

    public const string GoodText = "Jane Doe, Senior Accountant. Experience: Harrow Ledger Partners 2015-2018. Skills: audit, tax, Excel.";

    public static FakeExtractor Returns(string name, string text, params string[] tools) =>
        new(name, _ => Task.FromResult(new ExtractorOutput(text)), tools);

    public static FakeExtractor Returns(string name, ExtractorOutput output, params string[] tools) =>
        new(name, _ => Task.FromResult(output), tools);

    public static FakeExtractor Throws(string name, Exception e, params string[] tools) =>
        new(name, _ => Task.FromException<ExtractorOutput>(e), tools);

    /// <summary>Blocks until the token is cancelled, like a tool that never finishes.</summary>
    public static FakeExtractor Hangs(string name, TaskCompletionSource started) =>
        new(name, async ct =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new ExtractorOutput("");
        });
}
