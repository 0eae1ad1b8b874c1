using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Deployment;

/// <summary>Both compose files through Debian's docker-compose 1.29 (`config -q` validates without a Docker engine).</summary>
public class ComposeTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_local_stack_passes_docker_compose_config()
    {
        var r = await Repo.RunAsync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"]);

        r.ExitCode.Should().Be(0, r.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_production_stack_passes_docker_compose_config_once_its_env_files_exist()
    {
        using var dir = new EnvFiles();

        var r = await Repo.RunAsync("docker-compose", ["--project-directory", dir.Path, "-f", Repo.PathOf("docker-compose.prod.yml"), "config", "-q"]);

        r.ExitCode.Should().Be(0, r.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_local_stack_waits_for_healthy_dependencies_and_mounts_our_prometheus_and_grafana_files()
    {
        var services = (await Config("docker-compose.yml")).GetProperty("services");

        services.EnumerateObject().Select(s => s.Name).Should().BeEquivalentTo("api", "postgres", "redis", "prometheus", "grafana");
        foreach (var s in services.EnumerateObject()) s.Value.TryGetProperty("healthcheck", out _).Should().BeTrue($"{s.Name} has a healthcheck");
        services.GetProperty("postgres").GetProperty("image").GetString().Should().Be("pgvector/pgvector:pg16");
        services.GetProperty("redis").GetProperty("image").GetString().Should().Be("redis:7-alpine");
        var apiDeps = services.GetProperty("api").GetProperty("depends_on");
        apiDeps.GetProperty("postgres").GetProperty("condition").GetString().Should().Be("service_healthy");
        apiDeps.GetProperty("redis").GetProperty("condition").GetString().Should().Be("service_healthy");
        Volumes(services.GetProperty("prometheus")).Should().Contain(v => v.EndsWith("/prometheus:/etc/prometheus:ro"));
        Volumes(services.GetProperty("grafana")).Should().Contain(v => v.EndsWith("/grafana/provisioning:/etc/grafana/provisioning:ro"));
        Volumes(services.GetProperty("grafana")).Should().Contain(v => v.EndsWith("/grafana/dashboards:/var/lib/grafana/dashboards:ro"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Production_publishes_no_database_port_and_keeps_secrets_in_env_files()
    {
        var services = (await ProdConfig()).GetProperty("services");

        services.GetProperty("postgres").TryGetProperty("ports", out _).Should().BeFalse();
        services.GetProperty("redis").TryGetProperty("ports", out _).Should().BeFalse();
        var api = services.GetProperty("api");
        api.GetProperty("read_only").GetBoolean().Should().BeTrue();
        api.GetProperty("tmpfs").EnumerateArray().Select(t => t.GetString()).Should().Contain(t => t!.StartsWith("/tmp"));
        foreach (var name in new[] { "api", "postgres", "redis" })
            services.GetProperty(name).GetProperty("deploy").GetProperty("resources").GetProperty("limits").GetProperty("memory").ValueKind.Should().NotBe(JsonValueKind.Undefined);
        var raw = await Repo.YamlAsync(Repo.Read("docker-compose.prod.yml"));
        foreach (var s in raw.GetProperty("services").EnumerateObject())
        {
            if (!s.Value.TryGetProperty("environment", out var env)) continue;
            env.EnumerateObject().Select(e => e.Name).Should().NotIntersectWith(KnownNames.SecretNames.Append("POSTGRES_PASSWORD"), $"{s.Name} takes secrets from env_file");
        }
        raw.GetProperty("services").GetProperty("api").GetProperty("env_file").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact(Timeout = 120_000)]
    public async Task Production_redis_is_a_persistent_bounded_lru_cache()
    {
        var command = string.Join(' ', (await ProdConfig()).GetProperty("services").GetProperty("redis").GetProperty("command").EnumerateArray().Select(c => c.GetString()));

        command.Should().Contain("--appendonly yes").And.Contain("--maxmemory-policy allkeys-lru").And.MatchRegex(@"--maxmemory \d+[kmg]b");
    }

    [Fact(Timeout = 120_000)]
    public async Task Production_postgres_settings_are_the_ones_the_deployment_guide_documents()
    {
        var command = (await ProdConfig()).GetProperty("services").GetProperty("postgres").GetProperty("command").EnumerateArray().Select(c => c.GetString()!).ToList();
        var settings = command.Where(c => Regex.IsMatch(c, @"^[a-z_]+=\S+$")).ToList();
        var guide = Repo.Read("docs/DEPLOYMENT.md");

        settings.Should().Contain(s => s.StartsWith("shared_buffers=")).And.Contain(s => s.StartsWith("effective_cache_size="));
        foreach (var s in settings) guide.Should().Contain($"`{s}`", "every PostgreSQL setting is explained in docs/DEPLOYMENT.md");
    }

    [Fact]
    public void Environment_names_given_to_the_api_are_ones_the_service_reads()
    {
        foreach (var file in new[] { "docker-compose.yml", "docker-compose.prod.yml" })
        {
            var api = Regex.Match(Repo.Read(file), @"(?ms)^  api:\n(.*?)(?=^  \w)").Groups[1].Value;
            var env = Regex.Match(api, @"(?ms)^    environment:\n((?:      .*\n)+)").Groups[1].Value;
            var names = Regex.Matches(env, @"^      ([A-Z_]+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            names.Should().NotBeEmpty();
            names.Should().BeSubsetOf(KnownNames.EnvironmentNames, file);
        }
    }

    static IEnumerable<string> Volumes(JsonElement service) => service.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()!);

    static async Task<JsonElement> Config(string file, string? projectDir = null)
    {
        string[] args = projectDir is null ? ["-f", file, "config"] : ["--project-directory", projectDir, "-f", Repo.PathOf(file), "config"];
        var r = await Repo.RunAsync("docker-compose", args);
        r.ExitCode.Should().Be(0, r.Output);
        return await Repo.YamlAsync(r.Stdout);
    }

    static async Task<JsonElement> ProdConfig()
    {
        using var dir = new EnvFiles();
        return await Config("docker-compose.prod.yml", dir.Path);
    }

    /// <summary>Throwaway env files where docker-compose.prod.yml expects the real ones; the repository holds none.</summary>
    sealed class EnvFiles : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ats-compose-").FullName;

        public EnvFiles()
        {
            var dir = Directory.CreateDirectory(System.IO.Path.Combine(Path, "deploy", "compose")).FullName;
            File.WriteAllText(System.IO.Path.Combine(dir, "atsparser.env"), "API_KEY_HASHES=" + new string('a', 64) + "\n");
            File.WriteAllText(System.IO.Path.Combine(dir, "postgres.env"), "POSTGRES_USER=atsparser\nPOSTGRES_PASSWORD=compose-config-check\nPOSTGRES_DB=atsparser\n");
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
