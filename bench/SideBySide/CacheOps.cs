using System.Text.Json.Serialization;
using AtsParser.Api.Caching;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SideBySide;

/// <summary>
/// Cache-layer operations for `paired`: `cache:BACKEND:OP|FILE` with BACKEND memory or a redis:// URL in
/// REDIS_URL, OP one of store-get, store-set, get-hit, get-miss, set (ParseCache; the entry is FILE's extraction, no
/// parsed resume, so both builds cache the same shape).
/// </summary>
static class CacheOps
{
    static readonly Dictionary<string, (ICacheStore Store, ParseCache Cache)> Backends = [];

    public static Func<Task>? Prepare(string path, string file)
    {
        var parts = path.Split(':', 3);
        var (backend, op) = (parts[1], parts[2]);
        if (!Backends.TryGetValue(backend, out var b))
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cache:RedisUrl"] = backend == "redis" ? Environment.GetEnvironmentVariable("REDIS_URL") : "",
                ["Cache:KeyPrefix"] = "pair" + Guid.NewGuid().ToString("N")[..8],
            }).Build();
            var services = new ServiceCollection().AddLogging();
            ExtractRound.AddMetricsIfThisBuildHasThem(services);
            services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
            services.AddParseCache(config);
            var sp = services.BuildServiceProvider();
            b = (sp.GetRequiredService<ICacheStore>(), sp.GetRequiredService<ParseCache>());
            if (b.Store.Name != backend) throw new InvalidOperationException($"expected {backend}, got {b.Store.Name}");
            for (var i = 0; i < 50; i++) { try { b.Store.GetAsync(new CacheKey("warm", "v"), default).GetAwaiter().GetResult(); break; } catch (Exception) when (i < 49) { Thread.Sleep(100); } }
            Backends[backend] = b;
        }
        var bytes = File.ReadAllBytes(file);
        var extraction = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build()).BuildServiceProvider()
            .GetRequiredService<ChainRunner>().RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file))), default).GetAwaiter().GetResult();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var entry = new CachedParse(new ParseResult
        {
            Document = new DocumentInfo(sha, Path.GetFileName(file), DocumentFormat.Pdf, bytes.LongLength, extraction.Pages),
            Extraction = extraction,
            TimingsMs = new() { ["extract"] = 1, ["total"] = 1 },
        }, extraction.FullText);
        var key = new CacheKey(sha, "parse");
        var missing = new CacheKey(new string('b', 64), "none");
        var payload = new byte[32_768];
        new Random(1).NextBytes(payload);
        var storeKey = new CacheKey(new string('a', 64), "store");
        var (store, cache) = b;
        b.Cache.SetAsync(key, entry, default).GetAwaiter().GetResult();
        b.Store.SetAsync(storeKey, payload, TimeSpan.FromMinutes(10), default).GetAwaiter().GetResult();
        // Each op is 20 calls, so a Redis round trip is not lost in the timer's resolution.
        Func<Task> one = op switch
        {
            "store-get" => async () => { if (await store.GetAsync(storeKey, default) is null) throw new InvalidOperationException("miss"); },
            "store-set" => () => store.SetAsync(storeKey, payload, TimeSpan.FromMinutes(10), default),
            "get-hit" => async () => { if (await cache.GetAsync(key, default) is null) throw new InvalidOperationException("miss"); },
            "get-miss" => async () => { if (await cache.GetAsync(missing, default) is not null) throw new InvalidOperationException("hit"); },
            "set" => () => cache.SetAsync(key, entry, default),
            _ => throw new ArgumentException(op),
        };
        return async () => { for (var i = 0; i < 20; i++) await one(); };
    }
}
