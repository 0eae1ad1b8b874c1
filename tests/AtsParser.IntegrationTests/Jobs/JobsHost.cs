using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.Core.Parsing;
using AtsParser.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AtsParser.IntegrationTests.Jobs;

/// <summary>
/// A service instance for jobs tests: real PostgreSQL (its own database, or a shared one to play a second replica),
/// short leases and retry delays, an optional parser-step double, and optionally a real Kestrel port.
/// </summary>
public sealed class JobsHost : IAsyncDisposable
{
    public const string WebhookSecret = "test-webhook-secret";

    static readonly (string, string?)[] Fast =
    [
        ("Jobs:LeaseSeconds", "2"), ("Jobs:PollIntervalMs", "100"), ("Jobs:RetryDelays", "0.2"), ("Jobs:Concurrency", "4"),
        ("Webhooks:PollIntervalMs", "100"), ("Webhooks:RetryDelays", "0.3,0.3"), ("Webhooks:AllowPrivateNetworks", "true"),
        ("Webhooks:Secret", WebhookSecret),
    ];

    public WebApplicationFactory<Program> Factory { get; private init; } = null!;
    public HttpClient Client { get; private init; } = null!;
    public string Database { get; private init; } = "";
    public Uri? BaseAddress { get; private init; }

    /// <param name="database">Another host's database, to run as a second replica of the same queue.</param>
    public static async Task<JobsHost> StartAsync(string? database = null, IResumeParser? parser = null, bool kestrel = false, params (string Key, string? Value)[] settings)
    {
        var storage = await StorageApiFactory.CreateAsync(useRedis: false, settings: [.. Fast, .. settings]);
        if (database is not null) storage.Set("Storage:ConnectionString", database);
        var port = kestrel ? LocalProcess.FreePort() : 0;
        var factory = storage.WithWebHostBuilder(b => b.UseUrls(kestrel ? $"http://127.0.0.1:{port}" : "").ConfigureTestServices(s =>
        {
            if (parser is not null) s.AddSingleton(parser);
            // A stop that cannot finish in a second is abandoned: with a parser that ignores cancellation, disposing
            // the host then leaves its items mid-flight, leases held, exactly like a crashed replica.
            s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        }));
        Uri? address = null;
        if (kestrel)
        {
            factory.UseKestrel();
            factory.StartServer();
            address = new Uri($"http://127.0.0.1:{port}/");
        }
        var client = kestrel ? new HttpClient { BaseAddress = address } : factory.CreateClient();
        return new JobsHost { Factory = factory, Client = client, Database = database ?? storage.DatabaseConnectionString, BaseAddress = address };
    }

    public static MultipartFormDataContent Files(IEnumerable<(string Name, byte[] Bytes)> files, params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, value) in fields) form.Add(new StringContent(value), field);
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "files", name);
        return form;
    }

    public async Task<Guid> SubmitAsync(IEnumerable<(string Name, byte[] Bytes)> files, params (string Field, string Value)[] fields)
    {
        var response = await Client.PostAsync("/api/v1/jobs", Files(files, fields));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> StatusAsync(Guid job) => await Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}");

    /// <summary>Polls until the job is completed or cancelled (the test's own timeout bounds it).</summary>
    public async Task<JsonElement> WaitForAsync(Guid job, string status = "completed")
    {
        while (true)
        {
            var s = await StatusAsync(job);
            if (s.GetProperty("status").GetString() == status) return s;
            await Task.Delay(100);
        }
    }

    public Task<long> ScalarAsync(string sql, params (string Name, object Value)[] args) => Scalar(Database, sql, args);

    public static async Task<long> Scalar(string database, string sql, params (string Name, object Value)[] args)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
