using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Dates;
using AtsParser.Core.Parsing.OpenAi;
using AtsParser.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

/// <summary>
/// The OpenAI parser as the service registers it (after AddParsing: the heuristic parser is its fallback and the shared
/// finalizer fills dates and derived fields), pointed at a fake server; retry waits are recorded instead of slept
/// (the registered TimeProvider is what the parser's Polly pipeline waits on).
/// </summary>
public sealed class OpenAiParserHarness : IAsyncDisposable
{
    readonly ServiceProvider _services;
    readonly RecordingTimeProvider _time;

    OpenAiParserHarness(FakeOpenAiServer server, ServiceProvider services, RecordingTimeProvider time)
    {
        Server = server;
        _services = services;
        _time = time;
        Parser = (OpenAiResumeParser)services.GetRequiredService<IResumeParser>();
    }

    public FakeOpenAiServer Server { get; }
    public OpenAiResumeParser Parser { get; }
    public IReadOnlyList<TimeSpan> Sleeps => _time.Waits;
    public TokenCalibration Calibration => _services.GetRequiredService<TokenCalibration>();

    public static async Task<OpenAiParserHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        // The date parser's first match compiles a large regex inside its 1 s match timeout; on a loaded machine that
        // first call times out and returns nothing. One throwaway call keeps these tests about the OpenAI parser.
        DateParser.ParseSingle("Jan 2020");
        var server = await FakeOpenAiServer.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["OpenAi:ApiKey"] = "test-key",
            ["OpenAi:BaseUrl"] = server.BaseUrl,
            ["OpenAi:RetryBaseDelayMs"] = "100",
            ["OpenAi:MaxTokens"] = "1000",
        };
        foreach (var (k, v) in settings) values["OpenAi:" + k] = v;
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new RecordingTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddParsing(config);
        services.AddOpenAiParsing(config);
        return new OpenAiParserHarness(server, services.BuildServiceProvider(validateScopes: true), time);
    }

    public Task<Resume> ParseAsync(string text, CancellationToken ct = default) =>
        Parser.ParseAsync(new ParseInput(text, [], new DateOnly(2025, 6, 1)), ct);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
