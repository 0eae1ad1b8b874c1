using System.Text.Json.Serialization;
using AtsParser.Api.Caching;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SideBySide;

/// <summary>
/// The service's cache layer in-process, per backend: the store with identical byte payloads (the Redis client and
/// the memory cache alone), then ParseCache (breaker, metrics, JSON) with one document's extraction as the entry
/// (no parsed resume, so both builds cache the same shape).
/// </summary>
static class CacheRound
{
    public static async Task<int> RunAsync(TextWriter output, string redisUrl, string file, int batches, CancellationToken ct)
    {
        var prefix = "sbs" + Guid.NewGuid().ToString("N")[..8];
        var bytes = await File.ReadAllBytesAsync(file, ct);
        ExtractionResult extraction;
        await using (var ex = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build()).BuildServiceProvider())
            extraction = await ex.GetRequiredService<ChainRunner>().RunAsync(new ExtractionInput(bytes, FormatSniffer.Sniff(bytes, Path.GetFileName(file))), ct);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var entry = new CachedParse(new ParseResult
        {
            Document = new DocumentInfo(sha, Path.GetFileName(file), DocumentFormat.Pdf, bytes.LongLength, extraction.Pages),
            Extraction = extraction,
            TimingsMs = new() { ["extract"] = 1, ["total"] = 1 },
        }, extraction.FullText);

        foreach (var (backend, url, perBatch) in new[] { ("redis", redisUrl, 20), ("memory", "", 2000) })
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cache:RedisUrl"] = url,
                ["Cache:KeyPrefix"] = prefix,
            }).Build();
            var services = new ServiceCollection().AddLogging();
            ExtractRound.AddMetricsIfThisBuildHasThem(services);
            services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
            services.AddParseCache(config);
            await using var sp = services.BuildServiceProvider();
            var store = sp.GetRequiredService<ICacheStore>();
            var cache = sp.GetRequiredService<ParseCache>();
            if (store.Name != backend) throw new InvalidOperationException($"expected {backend}, got {store.Name}");
            var ttl = TimeSpan.FromMinutes(10);
            // The first call connects (Redis); not timed.
            for (var i = 0; i < 50; i++) { try { await store.GetAsync(new CacheKey("warm", "v"), ct); break; } catch (Exception) when (i < 49) { await Task.Delay(100, ct); } }

            foreach (var size in new[] { 4_096, 32_768 })
            {
                var payload = new byte[size];
                new Random(size).NextBytes(payload);
                var key = new CacheKey(new string('a', 64), $"store{size}");
                for (var i = 0; i < perBatch; i++) await store.SetAsync(key, payload, ttl, ct);
                Measure.Emit(output, "cache", $"{backend} store set", $"{size / 1024} KB", await Measure.BatchedAsync(batches, perBatch, () => store.SetAsync(key, payload, ttl, ct)));
                Measure.Emit(output, "cache", $"{backend} store get (hit)", $"{size / 1024} KB", await Measure.BatchedAsync(batches, perBatch, async () =>
                {
                    if (await store.GetAsync(key, ct) is null) throw new InvalidOperationException("expected a hit");
                }));
            }
            var missing = new CacheKey(new string('b', 64), "none");
            Measure.Emit(output, "cache", $"{backend} store get (miss)", "-", await Measure.BatchedAsync(batches, perBatch, () => store.GetAsync(missing, ct)));

            var docKey = new CacheKey(sha, "parse");
            for (var i = 0; i < perBatch / 4; i++) await cache.SetAsync(docKey, entry, ct);
            var name = Path.GetFileName(file);
            Measure.Emit(output, "cache", $"{backend} ParseCache set", name, await Measure.BatchedAsync(batches, Math.Max(1, perBatch / 4), () => cache.SetAsync(docKey, entry, ct)));
            Measure.Emit(output, "cache", $"{backend} ParseCache get (hit)", name, await Measure.BatchedAsync(batches, Math.Max(1, perBatch / 4), async () =>
            {
                if (await cache.GetAsync(docKey, ct) is null) throw new InvalidOperationException("expected a hit");
            }));
            Measure.Emit(output, "cache", $"{backend} ParseCache get (miss)", "-", await Measure.BatchedAsync(batches, perBatch, async () =>
            {
                if (await cache.GetAsync(missing, ct) is not null) throw new InvalidOperationException("expected a miss");
            }));
            await store.EraseAsync(sha, ct);
            await store.EraseAsync(new string('a', 64), ct);
        }
        return 0;
    }
}
