using AtsParser.Bench;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AtsParser.Bench.Storage;

namespace AtsParser.Bench.Jobs;

/// <summary>
/// `jobs [docs] [llmDelaySeconds] [concurrency]`: N text resumes through POST /api/v1/jobs on the real service
/// (child process, real PostgreSQL from DATABASE_URL):
///  1. with the OpenAI parser against SlowLlm (every call takes llmDelaySeconds), JOBS_CONCURRENCY=concurrency:
///     wall time against the ideal N × delay / concurrency, the LLM concurrency reached, and the service's peak RSS;
///  2. with the LLM off (heuristic only): queue throughput, side by side with the synchronous bulk endpoint on the
///     same documents as the baseline.
/// </summary>
public static class JobsBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var delay = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        var docs = Enumerable.Range(0, n).Select(Resume).ToList();
        Console.WriteLine($"{n} documents, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");

        await using (var llm = await SlowLlm.StartAsync(TimeSpan.FromSeconds(delay)))
        {
            var (wall, rss) = await ThroughJobsAsync("bench_jobs_llm", docs, new()
            {
                ["OPENAI_API_KEY"] = "bench", ["OPENAI_BASE_URL"] = llm.BaseUrl, ["OPENAI_MAX_RETRIES"] = "0",
                ["JOBS_CONCURRENCY"] = concurrency.ToString(CultureInfo.InvariantCulture),
            }, ct);
            var ideal = n * delay / concurrency;
            Console.WriteLine(FormattableString.Invariant(
                $"| LLM {delay} s, concurrency {concurrency} | wall {wall:F1} s | ideal {ideal:F1} s | ratio {wall / ideal:F2} | LLM calls {llm.Requests}, max in flight {llm.MaxInFlight} | peak RSS {rss} MB |"));
        }

        var (heuristicWall, heuristicRss) = await ThroughJobsAsync("bench_jobs_heuristic", docs, new() { ["OPENAI_API_KEY"] = "" }, ct);
        var bulkWall = await ThroughBulkAsync(docs, ct);
        Console.WriteLine(FormattableString.Invariant(
            $"| LLM off | jobs {n / heuristicWall:F0} docs/s ({heuristicWall:F1} s, peak RSS {heuristicRss} MB) | bulk-parse baseline {n / bulkWall:F0} docs/s ({bulkWall:F1} s) | jobs/bulk {bulkWall / heuristicWall:F2} |"));
        return 0;
    }

    static async Task<(double WallSeconds, long PeakRssMb)> ThroughJobsAsync(string db, List<(string, byte[])> docs, Dictionary<string, string> env, CancellationToken ct)
    {
        var database = await BenchDb.CreateAsync(db, ct);
        try
        {
            env["DATABASE_URL"] = database;
            env["MIGRATE_ON_STARTUP"] = "true";
            env["JOBS_RETENTION_DAYS"] = "0";
            await using var api = await ServiceProcess.StartAsync(env, ct);
            var sw = Stopwatch.StartNew();
            var jobs = new List<Guid>();
            foreach (var chunk in docs.Chunk(100))
            {
                using var form = new MultipartFormDataContent();
                foreach (var (name, bytes) in chunk) form.Add(new ByteArrayContent(bytes), "files", name);
                var r = await api.Client.PostAsync("/api/v1/jobs", form, ct);
                r.EnsureSuccessStatusCode();
                jobs.Add((await r.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid());
            }
            foreach (var job in jobs)
                while ((await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}", ct)).GetProperty("status").GetString() != "completed")
                    await Task.Delay(200, ct);
            return (sw.Elapsed.TotalSeconds, api.PeakRssMb());
        }
        finally { await BenchDb.DropAsync(db); }
    }

    static async Task<double> ThroughBulkAsync(List<(string, byte[])> docs, CancellationToken ct)
    {
        await using var api = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["DATABASE_URL"] = "", ["OPENAI_API_KEY"] = "" }, ct);
        var sw = Stopwatch.StartNew();
        foreach (var chunk in docs.Chunk(50))
        {
            using var form = new MultipartFormDataContent();
            foreach (var (name, bytes) in chunk) form.Add(new ByteArrayContent(bytes), "files", name);
            (await api.Client.PostAsync("/api/v1/bulk-parse-resumes", form, ct)).EnsureSuccessStatusCode();
        }
        return sw.Elapsed.TotalSeconds;
    }

    static (string, byte[]) Resume(int i) => ($"resume-{i:D4}.txt", Encoding.UTF8.GetBytes($"""
        Jane Doe {i}
        Berlin, Germany | jane{i}@example.com | +49 30 1234{i:D4}

        EXPERIENCE
        Accountant, Ledger Corp {i}
        January 2019 - Present
        - Closed the books every month.

        EDUCATION
        Bachelor of Science, Example University, 2018

        SKILLS
        Excel, SAP, IFRS
        """));
}
