using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AtsParser.Api.Parse;
using AtsParser.Bench.Extraction;
using AtsParser.Core.Extraction;
using AtsParser.Core.Observability;
using AtsParser.Core.Parsing;
using AtsParser.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AtsParser.Bench.Http;

/// <summary>
/// `http [--rounds N] [--file F]`: one small DOCX through the in-process pipeline (sniff, extract, parse, JSON) and
/// through the real service over HTTP (`POST /api/v1/parse?force=true`, keep-alive, loopback), interleaved in one
/// run, with the parts of the difference measured beside it: a `GET /health` round trip (Kestrel + middleware +
/// client), multipart reading (UploadReader on an in-memory request) and JSON serialisation alone; the HTTP path
/// runs against three service processes: logging at Information (the default), at Warning, and at Warning with workstation GC.
/// </summary>
public static class HttpBench
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        int rounds = Opt(args, "--rounds") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 300;
        var file = Opt(args, "--file") ?? BenchCorpus.Files(BenchCorpus.Locate(), "docx").OrderBy(f => new FileInfo(f).Length).First();
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var name = Path.GetFileName(file);
        const string docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        await using var sp = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddExtraction(config).AddParsing(config)
            .AddAtsMetrics().AddSingleton<DocumentPipeline>().BuildServiceProvider();
        var pipeline = sp.GetRequiredService<DocumentPipeline>();
        // The API's options: web defaults, nulls left out.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        var env = new Dictionary<string, string> { ["DATABASE_URL"] = "", ["REDIS_URL"] = "", ["OPENAI_API_KEY"] = "" };
        await using var apiInfo = await ServiceProcess.StartAsync(new Dictionary<string, string>(env) { ["Logging__LogLevel__Default"] = "Information" }, ct);
        await using var apiWarn = await ServiceProcess.StartAsync(env, ct);
        await using var apiWks = await ServiceProcess.StartAsync(new Dictionary<string, string>(env) { ["DOTNET_gcServer"] = "0" }, ct);

        var options = new ParseRequestOptions();
        async Task<int> InProcess()
        {
            var result = await pipeline.ProcessAsync(new Upload(name, docx, bytes, null), options, ct);
            return JsonSerializer.SerializeToUtf8Bytes(result, json).Length;
        }
        async Task<int> Post(ServiceProcess api)
        {
            using var content = new MultipartFormDataContent();
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(docx);
            content.Add(part, "file", name);
            using var response = await api.Client.PostAsync("/api/v1/parse?force=true", content, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"parse answered {(int)response.StatusCode}");
            return body.Length;
        }
        async Task<int> Health(ServiceProcess api)
        {
            using var response = await api.Client.GetAsync("/health", ct);
            return (await response.Content.ReadAsByteArrayAsync(ct)).Length;
        }
        var (multipartBody, boundary) = await MultipartBodyAsync(bytes, name, docx);
        // /parse spools its file to the instance's temp root like bulk does (a request waiting for a parse slot holds no file in memory).
        using var uploadServices = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .Configure<AtsParser.Core.Extraction.ExtractionOptions>(_ => { }).BuildServiceProvider();
        async Task<int> ReadMultipart()
        {
            var http = new DefaultHttpContext { RequestServices = uploadServices };
            http.Request.ContentType = "multipart/form-data; boundary=" + boundary;
            http.Request.Body = new MemoryStream(multipartBody, writable: false);
            var files = await UploadReader.SpoolAsync(http.Request, "file", 10 * 1024 * 1024, 1, ct);
            await using var file = files[0];
            return (int)file.Length;
        }
        var sample = await pipeline.ProcessAsync(new Upload(name, docx, bytes, null), options, ct);
        Task<int> Serialize() => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(sample, json).Length);

        var cases = new (Samples S, Func<Task<int>> Run)[]
        {
            (new("in-process pipeline + JSON"), InProcess),
            (new("HTTP POST /api/v1/parse, logging Warning"), () => Post(apiWarn)),
            (new("HTTP POST /api/v1/parse, logging Information (default)"), () => Post(apiInfo)),
            (new("HTTP POST /api/v1/parse, logging Warning, workstation GC (DOTNET_gcServer=0)"), () => Post(apiWks)),
            (new("HTTP GET /health"), () => Health(apiWarn)),
            (new("multipart read alone (UploadReader, spooled to a temp file)"), ReadMultipart),
            (new("JSON serialisation alone"), Serialize),
        };
        for (int w = 0; w < 30; w++) foreach (var c in cases) await c.Run();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        // CPU time per case (this process, plus the service that answered): immune to waiting for a core on a loaded machine.
        var servers = new ServiceProcess?[] { null, apiWarn, apiInfo, apiWks, apiWarn, null, null };
        var cpu = new double[cases.Length];
        var self = System.Diagnostics.Process.GetCurrentProcess();
        for (int i = 0; i < rounds; i++)
            for (int k = 0; k < cases.Length; k++)
            {
                int n = (k + i) % cases.Length;
                var c = cases[n];
                self.Refresh();
                var before = self.TotalProcessorTime + (servers[n]?.CpuTime ?? TimeSpan.Zero);
                await c.S.TimeAsync(c.Run);
                self.Refresh();
                cpu[n] += (self.TotalProcessorTime + (servers[n]?.CpuTime ?? TimeSpan.Zero) - before).TotalMilliseconds;
            }

        var inProc = cases[0].S;
        var t = new StringBuilder();
        t.AppendLine($"### HTTP round trip vs in-process pipeline ({name}, {bytes.Length:N0} bytes)\n");
        t.AppendLine($"{rounds} rounds, the seven cases interleaved with a rotating order after 30 untimed warm-up rounds; load average at start {load}.\n");
        t.AppendLine("CPU ms per request: this process's CPU time plus the answering service's, summed over the run (both processes' background threads included).\n");
        t.AppendLine("| case | runs | median ms | p95 ms | minus in-process (median of pairs) ms | CPU ms per request |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (int n = 0; n < cases.Length; n++)
        {
            var s = cases[n].S;
            var diff = new Samples("diff");
            foreach (var (a, b) in s.Values.Zip(inProc.Values)) diff.Add(a - b);
            t.AppendLine($"| {s.Name} | {s.Count} | {s.Median:0.000} | {s.P95:0.000} | {(n == 0 ? "" : diff.Median.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))} | {cpu[n] / s.Count:0.00} |");
        }
        Console.WriteLine(t.ToString());
        return 0;
    }

    static async Task<(byte[] Body, string Boundary)> MultipartBodyAsync(byte[] bytes, string name, string type)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(part, "file", name);
        var boundary = content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!.Trim('"');
        return (await content.ReadAsByteArrayAsync(), boundary);
    }

    static string? Opt(string[] args, string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
