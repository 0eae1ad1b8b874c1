using AtsParser.Bench;
using System.Diagnostics;
using System.Globalization;

namespace AtsParser.Bench.Storage;

/// <summary>
/// `storage-cache`: POST /api/v1/parse latency for the same document, cache miss (force=true re-parses) vs hit,
/// through the real service over HTTP with Redis (REDIS_URL) and without it (in-process cache).
/// </summary>
public static class CacheBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var corpus = Environment.GetEnvironmentVariable("ATS_CORPUS_DIR") ?? Path.GetFullPath("../shared/corpus");
        var redis = Environment.GetEnvironmentVariable("REDIS_URL") ?? throw new InvalidOperationException("Set REDIS_URL (eval \"$(scripts/dev-servers.sh start)\").");
        string[] docs = ["pdf/soupboss_01-Accountant.pdf", "docx/soupboss_02-Desktop_Support.docx", "pdf/awesomecv_resume.pdf", "doc/klair_resume.doc"];
        Console.WriteLine($"| backend | document | miss p50 ms | hit p50 ms | hit p99 ms | miss/hit |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (backend, url) in new[] { ("redis", redis), ("memory", "") })
        {
            await using var api = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["REDIS_URL"] = url, ["DATABASE_URL"] = "", ["Cache__KeyPrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8] }, ct);
            foreach (var doc in docs)
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(corpus, doc), ct);
                await Post(api.Client, bytes, doc, "?force=true", ct); // warm-up: JIT, tool start
                var miss = new List<double>();
                var hit = new List<double>();
                for (var i = 0; i < rounds; i++)
                {
                    miss.Add(await Post(api.Client, bytes, doc, "?force=true", ct));
                    hit.Add(await Post(api.Client, bytes, doc, "", ct));
                }
                miss.Sort(); hit.Sort();
                var m50 = BenchDb.Percentile(miss, 0.5); var h50 = BenchDb.Percentile(hit, 0.5);
                Console.WriteLine(FormattableString.Invariant($"| {backend} | {doc} | {m50:F1} | {h50:F2} | {BenchDb.Percentile(hit, 0.99):F2} | {m50 / h50:F0}x |"));
            }
        }
        return 0;
    }

    static async Task<double> Post(HttpClient client, byte[] bytes, string name, string query, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", Path.GetFileName(name) } };
        var sw = Stopwatch.StartNew();
        using var r = await client.PostAsync("/api/v1/parse" + query, form, ct);
        await r.Content.ReadAsByteArrayAsync(ct);
        sw.Stop();
        r.EnsureSuccessStatusCode();
        var header = r.Headers.TryGetValues("X-Cache", out var v) ? v.First() : "";
        if (header != (query.Contains("force") ? "miss" : "hit")) throw new InvalidOperationException($"expected a {(query.Contains("force") ? "miss" : "hit")}, got '{header}'");
        return sw.Elapsed.TotalMilliseconds;
    }
}
