using AtsParser.Bench;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.Api.Storage;
using AtsParser.Api.Parse;
using AtsParser.Api.Search;
using AtsParser.Core.Parsing;

namespace AtsParser.Bench.Storage;

/// <summary>
/// `search-eval`: stores the labelled pool (bench/data/search-eval.json) through the real service, then ranks every
/// job description with pure vector similarity, with the service's hybrid, and with a grid of hybrid weights
/// (re-ranked here with the same HybridRanker). Reports top-1 and MRR.
/// </summary>
public static class SearchEvalBench
{
    sealed record Eval(List<string> Pool, List<Query> Queries);
    sealed record Query(string Expected, string Text);

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var eval = JsonSerializer.Deserialize<Eval>(await File.ReadAllTextAsync("bench/data/search-eval.json", ct), web)!;
        var corpus = Environment.GetEnvironmentVariable("ATS_CORPUS_DIR") ?? Path.GetFullPath("../shared/corpus");
        const string dbName = "atsparser_bench_search";
        var db = await BenchDb.CreateAsync(dbName, ct);
        try
        {
            await using var api = await ServiceProcess.StartAsync(new Dictionary<string, string>
            {
                ["DATABASE_URL"] = db, ["MIGRATE_ON_STARTUP"] = "true", ["REDIS_URL"] = "", ["EMBEDDINGS_PROVIDER"] = "lexical",
            }, ct);
            var ids = new Dictionary<Guid, string>();
            var facts = new Dictionary<Guid, ResumeFacts>();
            foreach (var file in eval.Pool)
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(corpus, file), ct)), "file", file.Replace('/', '_') } };
                var stored = await (await api.Client.PostAsync("/api/v1/parse?store=true", form, ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ParseResult>(web, ct);
                ids[stored!.Id!.Value] = file;
                facts[stored.Id.Value] = ResumeFacts.From(stored);
            }
            Console.WriteLine($"pool: {ids.Count} resumes, {facts.Values.Count(f => f.Skills.Length > 0)} with parsed skills, {facts.Values.Count(f => f.Titles.Length > 0)} with parsed titles; {eval.Queries.Count} queries");

            // Vector neighbours of every query (the whole pool), and the service's own hybrid ranking.
            var neighbours = new List<(Query Q, List<HybridRanker.Input> Inputs)>();
            var serviceRanks = new Dictionary<string, List<int>> { ["vector"] = [], ["hybrid"] = [] };
            foreach (var q in eval.Queries)
            {
                foreach (var ranking in serviceRanks.Keys)
                {
                    var response = await (await api.Client.PostAsJsonAsync($"/api/v1/search?ranking={ranking}", new { text = q.Text, topK = 100 }, ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchResponse>(web, ct);
                    serviceRanks[ranking].Add(RankOf(response!.Results.Select(r => ids[r.Id]).ToList(), q.Expected));
                    if (ranking == "vector")
                        neighbours.Add((q, response.Results.Select(r => new HybridRanker.Input(r.Id, 1 - r.Explanation.VectorSimilarity, facts[r.Id].Skills, facts[r.Id].Titles)).ToList()));
                }
            }
            Console.WriteLine("| ranking | top-1 | MRR | ranks of the expected resume |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var (name, ranks) in serviceRanks) Console.WriteLine(Row($"service `{name}`", ranks));

            var grid = new List<(HybridWeights W, List<int> Ranks)>();
            foreach (var v in new[] { 1.0, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3 })
                foreach (var s in new[] { 0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6 })
                {
                    var t = Math.Max(0, Math.Round(1 - v - s, 2)) + 0.0;
                    if (v + s > 1.0001) continue;
                    var w = new HybridWeights(v, s, t);
                    grid.Add((w, neighbours.Select(n => RankOf(HybridRanker.Rank(n.Q.Text, n.Inputs, w).Select(r => ids[r.Id]).ToList(), n.Q.Expected)).ToList()));
                }
            foreach (var (w, ranks) in grid.OrderByDescending(g => Mrr(g.Ranks)).ThenByDescending(g => g.W.Vector).Take(8))
                Console.WriteLine(Row(FormattableString.Invariant($"grid vector={w.Vector} skills={w.Skills} titles={w.Titles}"), ranks));
            return 0;
        }
        finally
        {
            await BenchDb.DropAsync(dbName);
        }
    }

    static int RankOf(List<string> files, string expected) => files.IndexOf(expected) + 1;

    static double Mrr(List<int> ranks) => ranks.Average(r => r == 0 ? 0 : 1.0 / r);

    static string Row(string name, List<int> ranks) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {ranks.Count(r => r == 1)}/{ranks.Count} | {Mrr(ranks):F3} | {string.Join(" ", ranks)} |");
}
