using AtsParser.Bench;
using AtsParser.Bench.Extraction;
using AtsParser.Bench.Http;
using AtsParser.Bench.Jobs;
using AtsParser.Bench.Storage;
using AtsParser.Bench.Tokens;

// Benchmarks, one subcommand each: dotnet run -c Release --project bench/AtsParser.Bench -- <name> [options]
// Add a benchmark by adding a row here and putting it in its own folder.
var commands = new Dictionary<string, Func<string[], CancellationToken, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["extraction"] = ExtractionBench.RunAsync,
    ["storage-cache"] = CacheBench.RunAsync,
    ["search-eval"] = SearchEvalBench.RunAsync,
    ["vector-search"] = VectorBench.RunAsync,
    ["store-search"] = StoreSearchBench.RunAsync,
    ["jobs"] = JobsBench.RunAsync,
    ["parsing"] = (a, _) => ParsingBench.RunAsync(a),
    ["http"] = HttpBench.RunAsync,
    ["tokens"] = TokensBench.RunAsync,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: AtsParser.Bench <{string.Join("|", commands.Keys)}> [options]");
    return 2;
}
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await command(args[1..], cts.Token);
