using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace AtsParser.IntegrationTests.Support;

/// <summary>
/// The shared PostgreSQL (pgvector image) and Redis as Testcontainers, when ATS_TEST_SERVERS=containers and a Docker
/// engine answers; otherwise null, and the caller starts local servers. Opt-in because containers made the
/// suite slower here and CI would have to pull the images (bench/RESULTS.md, "Test servers").
/// </summary>
public static class TestContainers
{
    public const string PostgresImage = "pgvector/pgvector:pg16";
    public const string RedisImage = "redis:7-alpine";

    public static bool Requested => string.Equals(Environment.GetEnvironmentVariable("ATS_TEST_SERVERS"), "containers", StringComparison.OrdinalIgnoreCase);

    public static async Task<PostgresServer?> TryPostgresAsync()
    {
        if (!Requested) return null;
        // fsync off and 200 connections, as the local server runs (the stand-in and the real image both pass -c options to postgres).
        var container = await TryStartAsync(() => new PostgreSqlBuilder(PostgresImage)
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200")
            .Build(), "PostgreSQL");
        return container is null ? null : PostgresServer.InContainer(container, container.GetConnectionString() + ";Timeout=10");
    }

    public static async Task<RedisServer?> TryRedisAsync()
    {
        if (!Requested) return null;
        var container = await TryStartAsync(() => new RedisBuilder(RedisImage).Build(), "Redis");
        return container is null ? null : RedisServer.InContainer(container, container.Hostname, container.GetMappedPublicPort(6379));
    }

    static async Task<T?> TryStartAsync<T>(Func<T> build, string what) where T : class, IContainer
    {
        Configure();
        T container;
        try { container = build(); }
        catch (DockerUnavailableException e)
        {
            Console.Error.WriteLine($"test servers: {what}: no Docker engine answers ({e.Message.Split('\n')[0]}); using a local server");
            return null;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await container.StartAsync(timeout.Token);
        }
        catch (Exception e)
        {
            // An engine that answers but cannot run the image (not built here, no registry to pull from): say so, go local.
            Console.Error.WriteLine($"test servers: {what}: the container did not start ({e.GetType().Name}: {e.Message.Split('\n')[0]}); using a local server");
            await container.DisposeAsync();
            return null;
        }
        // No Ryuk here (its image cannot be pulled): remove the container when the test process is gone, however it ends.
        LocalProcess.CleanupWhenTestProcessExits($"docker rm -f -v {container.Id} >/dev/null 2>&1");
        Console.Error.WriteLine($"test servers: {what} in a Testcontainers container ({container.Image.FullName}, {container.Hostname}:{container.GetMappedPublicPort(what == "Redis" ? 6379 : 5432)})");
        return container;
    }

    /// <summary>
    /// This engine speaks Docker API 1.41 (Testcontainers 4.16 defaults to 1.44), Ryuk cannot be pulled, and /.dockerenv
    /// would make Testcontainers look for the engine's gateway address: settings from ../shared/PACKAGES.md, unless set.
    /// </summary>
    static void Configure()
    {
        foreach (var (name, value) in new[] { ("DOCKER_API_VERSION", "1.41"), ("TESTCONTAINERS_RYUK_DISABLED", "true"), ("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1") })
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) Environment.SetEnvironmentVariable(name, value);
    }
}
