using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using AtsParser.IntegrationTests.Support;
using Xunit;

namespace AtsParser.IntegrationTests.Jobs;

/// <summary>
/// Replicas die mid-flight (a real child process killed with SIGKILL, so no shutdown code runs); another replica
/// takes over when the leases expire; every file completes exactly once.
/// "Exactly once" is checked on the durable side effect: each finished file queues exactly one per-file webhook
/// in the same transaction as its result, so a duplicate completion would show as a second row.
/// </summary>
public sealed class CrashSafetyTests
{
    static readonly (string, string)[] PerFileHooks = [("webhookUrl", "http://127.0.0.1:9/hook"), ("webhookPerFile", "true")];

    [Fact(Timeout = 240_000)]
    public async Task Killing_the_service_with_sigkill_mid_job_loses_and_duplicates_nothing_after_a_restart()
    {
        var database = await (await TestServers.PostgresAsync()).CreateDatabaseAsync();
        await using var llm = await SlowLlmAsync();
        var files = Texts("sigkill", 8);
        Guid job;
        long[] runningAtKill;
        using (var service = await ServiceProcess.StartAsync(database, llm.BaseUrl))
        {
            job = await service.SubmitAsync(files, PerFileHooks);
            while (await JobsHost.Scalar(database, "SELECT count(*) FROM job_items WHERE status = 'running'") == 0) await Task.Delay(100);
            runningAtKill = await Ids(database, "SELECT id FROM job_items WHERE status = 'running'");
            service.Kill();
        }

        await using var replacement = await JobsHost.StartAsync(database: database, settings: Llm(llm));
        var status = await replacement.WaitForAsync(job);

        status.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().Be(files.Count);
        (await DuplicateCompletions(database)).Should().Be(0);
        (await JobsHost.Scalar(database, "SELECT count(*) FROM webhook_deliveries WHERE item_id IS NOT NULL")).Should().Be(files.Count);
        runningAtKill.Should().NotBeEmpty();
        (await JobsHost.Scalar(database, "SELECT min(attempts) FROM job_items WHERE id = ANY(@ids)", ("ids", runningAtKill))).Should().BeGreaterThan(1);
    }

    [Fact(Timeout = 240_000)]
    public async Task Two_replicas_share_a_job_and_the_survivor_finishes_the_files_of_the_one_killed_mid_flight()
    {
        var database = await (await TestServers.PostgresAsync()).CreateDatabaseAsync();
        await using var llm = await SlowLlmAsync();
        await using var survivor = await JobsHost.StartAsync(database: database, settings: [.. Llm(llm), ("Jobs:Concurrency", "2")]);
        var files = Texts("replicas", 12);
        using var doomed = await ServiceProcess.StartAsync(database, llm.BaseUrl);
        var job = await doomed.SubmitAsync(files, PerFileHooks);
        var owner = $"%/{doomed.Pid}/%";
        while (await JobsHost.Scalar(database, "SELECT count(*) FROM job_items WHERE status = 'running' AND lease_owner LIKE @o", ("o", owner)) == 0)
            await Task.Delay(50);
        var killedMidFlight = await Ids(database, $"SELECT id FROM job_items WHERE status = 'running' AND lease_owner LIKE '{owner}'");
        doomed.Kill();

        var status = await survivor.WaitForAsync(job);

        status.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().Be(files.Count);
        (await DuplicateCompletions(database)).Should().Be(0);
        (await JobsHost.Scalar(database, "SELECT count(*) FROM webhook_deliveries WHERE item_id IS NOT NULL")).Should().Be(files.Count);
        (await JobsHost.Scalar(database, "SELECT min(attempts) FROM job_items WHERE id = ANY(@ids)", ("ids", killedMidFlight))).Should().BeGreaterThan(1);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_file_whose_worker_dies_on_its_last_attempt_is_dead_lettered_with_its_bytes_kept()
    {
        var database = await (await TestServers.PostgresAsync()).CreateDatabaseAsync();
        await using var llm = await SlowLlmAsync();
        Guid job;
        using (var doomed = await ServiceProcess.StartAsync(database, llm.BaseUrl, ("RETRY_MAX_ATTEMPTS", "1")))
        {
            job = await doomed.SubmitAsync(Texts("poison", 1));
            while (await JobsHost.Scalar(database, "SELECT count(*) FROM job_items WHERE status = 'running'") == 0) await Task.Delay(50);
            doomed.Kill();
        }

        await using var next = await JobsHost.StartAsync(database: database, settings: [.. Llm(llm), ("Jobs:RetryMaxAttempts", "1")]);
        var status = await next.WaitForAsync(job);

        var file = status.GetProperty("files")[0];
        file.GetProperty("status").GetString().Should().Be("dead_lettered");
        file.GetProperty("errorCode").GetString().Should().Be("lease_expired");
        (await next.ScalarAsync("SELECT count(*) FROM job_item_blobs")).Should().Be(1);
    }

    [Fact(Timeout = 120_000)]
    public async Task Stopping_a_replica_gracefully_hands_its_running_files_back_without_spending_an_attempt()
    {
        var stuck = new ScriptedParser { BlockEverything = true };
        var a = await JobsHost.StartAsync(parser: stuck);
        var job = await a.SubmitAsync(Enumerable.Range(0, 3).Select(i => TestDocs.Text("graceful", i)));
        while (stuck.Blocked < 3) await Task.Delay(50);
        await a.DisposeAsync();
        stuck.Release();

        await using var b = await JobsHost.StartAsync(database: a.Database);
        var status = await b.WaitForAsync(job);

        status.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("attempts").GetInt32()).Should().AllBeEquivalentTo(1);
        status.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().Be(3);
    }

    /// <summary>
    /// The real OpenAI parser against a fake endpoint that answers after 1.5 s: every file spends its time waiting on
    /// the "LLM", as in production, so kills land mid-flight without burning the CPU other tests need.
    /// </summary>
    static async Task<FakeOpenAiServer> SlowLlmAsync()
    {
        var server = await FakeOpenAiServer.StartAsync();
        server.Default = FakeReply.Answer(Parsing.OpenAi.SampleResume.Answer()).After(TimeSpan.FromSeconds(1.5));
        return server;
    }

    static (string, string?)[] Llm(FakeOpenAiServer server) => [("OpenAi:ApiKey", "test-key"), ("OpenAi:BaseUrl", server.BaseUrl)];

    static List<(string Name, byte[] Bytes)> Texts(string marker, int n) => Enumerable.Range(0, n).Select(i => TestDocs.Text(marker, i)).ToList();

    static Task<long> DuplicateCompletions(string database) => JobsHost.Scalar(database,
        "SELECT count(*) FROM (SELECT item_id FROM webhook_deliveries WHERE item_id IS NOT NULL GROUP BY item_id HAVING count(*) > 1) d");

    static async Task<long[]> Ids(string database, string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        var ids = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) ids.Add(r.GetInt64(0));
        return [.. ids];
    }
}

/// <summary>The real service as a child process, so a test can SIGKILL it: no shutdown hook runs, leases are just left.</summary>
sealed class ServiceProcess : IDisposable
{
    readonly Process _process;
    readonly HttpClient _client;

    ServiceProcess(Process process, HttpClient client) { _process = process; _client = client; }

    public int Pid => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string database, string llmBaseUrl, params (string Name, string Value)[] env)
    {
        var port = LocalProcess.FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AtsParser.Api.dll"));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        psi.Environment["DATABASE_URL"] = database;
        psi.Environment["MIGRATE_ON_STARTUP"] = "true";
        psi.Environment["JOBS_LEASE_SECONDS"] = "2";
        psi.Environment["WARMUP_ENABLED"] = "false";
        psi.Environment["JOBS_CONCURRENCY"] = "2";
        psi.Environment["WEBHOOK_SECRET"] = JobsHost.WebhookSecret;
        psi.Environment["WEBHOOK_ALLOW_PRIVATE_NETWORKS"] = "true";
        psi.Environment["OPENAI_API_KEY"] = "test-key";
        psi.Environment["OPENAI_BASE_URL"] = llmBaseUrl;
        foreach (var (name, value) in env) psi.Environment[name] = value;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The service exited with {process.ExitCode} at start-up.");
            try { if ((await client.GetAsync("health")).IsSuccessStatusCode) break; }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        return new ServiceProcess(process, client);
    }

    public async Task<Guid> SubmitAsync(IEnumerable<(string Name, byte[] Bytes)> files, params (string, string)[] fields)
    {
        var response = await _client.PostAsync("api/v1/jobs", JobsHost.Files(files, fields));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>SIGTERM, what `docker stop` sends first: the host's graceful stop runs.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>The exit code, or null when the process is still running after `within`.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { return null; }
        return _process.ExitCode;
    }

    public HttpClient Client => _client;

    /// <summary>SIGKILL: Process.Kill on Unix sends signal 9.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        _client.Dispose();
    }
}
