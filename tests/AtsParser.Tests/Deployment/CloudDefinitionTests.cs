using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Deployment;

/// <summary>ecs-task-definition.json, deploy/cloudrun/service.yaml and railway.json against what the service reads and serves.</summary>
public class CloudDefinitionTests
{
    static readonly JsonElement Ecs = Repo.Json("ecs-task-definition.json");
    static readonly JsonElement EcsContainer = Ecs.GetProperty("containerDefinitions")[0];

    // Fargate's valid cpu → memory (MiB) combinations up to 4 vCPU.
    static readonly Dictionary<int, (int Min, int Max, int Step)> FargateMemory = new()
    {
        [256] = (512, 2048, 512), [512] = (1024, 4096, 1024), [1024] = (2048, 8192, 1024),
        [2048] = (4096, 16384, 1024), [4096] = (8192, 30720, 1024),
    };

    [Fact]
    public void The_ecs_task_is_a_fargate_task_with_a_valid_cpu_and_memory_pair()
    {
        Ecs.GetProperty("requiresCompatibilities").EnumerateArray().Select(e => e.GetString()).Should().Contain("FARGATE");
        Ecs.GetProperty("networkMode").GetString().Should().Be("awsvpc");
        foreach (var field in new[] { "family", "executionRoleArn", "taskRoleArn", "cpu", "memory" }) Ecs.GetProperty(field).GetString().Should().NotBeNullOrEmpty();
        var cpu = int.Parse(Ecs.GetProperty("cpu").GetString()!);
        var memory = int.Parse(Ecs.GetProperty("memory").GetString()!);
        FargateMemory.Should().ContainKey(cpu);
        var (min, max, step) = FargateMemory[cpu];
        memory.Should().BeInRange(min, max);
        ((memory - min) % step).Should().Be(0);
    }

    [Fact]
    public void Ecs_secrets_come_from_secrets_manager_or_ssm_and_never_from_environment()
    {
        var environment = EcsContainer.GetProperty("environment").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        var secrets = EcsContainer.GetProperty("secrets").EnumerateArray().ToList();

        environment.Should().NotIntersectWith(KnownNames.SecretNames);
        secrets.Select(s => s.GetProperty("name").GetString()).Should().Contain(["OPENAI_API_KEY", "DATABASE_URL", "JWT_SECRET", "API_KEY_HASHES"]);
        foreach (var s in secrets) s.GetProperty("valueFrom").GetString().Should().MatchRegex(@"^arn:aws:(secretsmanager|ssm):");
    }

    [Fact]
    public void Ecs_port_health_check_logs_and_filesystem_match_the_image()
    {
        EcsContainer.GetProperty("portMappings")[0].GetProperty("containerPort").GetInt32().Should().Be(KnownNames.ContainerPort);
        var check = string.Join(' ', EcsContainer.GetProperty("healthCheck").GetProperty("command").EnumerateArray().Select(c => c.GetString()));
        KnownNames.HealthPaths.Should().Contain(p => check.Contains("GET " + p + " ") && check.Contains("/" + KnownNames.ContainerPort));
        var logs = EcsContainer.GetProperty("logConfiguration");
        logs.GetProperty("logDriver").GetString().Should().Be("awslogs");
        logs.GetProperty("options").GetProperty("awslogs-group").GetString().Should().NotBeNullOrEmpty();
        EcsContainer.GetProperty("readonlyRootFilesystem").GetBoolean().Should().BeTrue();
        var mount = EcsContainer.GetProperty("mountPoints").EnumerateArray().Single(m => m.GetProperty("containerPath").GetString() == "/tmp");
        Ecs.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("name").GetString()).Should().Contain(mount.GetProperty("sourceVolume").GetString());
    }

    [Fact]
    public void Ecs_environment_and_secret_names_are_ones_the_service_reads()
    {
        var names = EcsContainer.GetProperty("environment").EnumerateArray().Concat(EcsContainer.GetProperty("secrets").EnumerateArray())
            .Select(e => e.GetProperty("name").GetString()!);

        names.Should().BeSubsetOf(KnownNames.EnvironmentNames);
    }

    [Fact]
    public void The_ecs_file_is_valid_json_once_its_deploy_time_variables_are_substituted()
    {
        var text = Repo.Read("ecs-task-definition.json");
        var variables = Regex.Matches(text, @"\$\{([A-Z_]+)\}").Select(m => m.Groups[1].Value).Distinct().ToList();

        variables.Should().BeEquivalentTo("AWS_ACCOUNT_ID", "AWS_REGION", "IMAGE");
        var substituted = Regex.Replace(text, @"\$\{([A-Z_]+)\}", m => m.Groups[1].Value.ToLowerInvariant());
        JsonDocument.Parse(substituted).RootElement.GetProperty("containerDefinitions")[0].GetProperty("image").GetString().Should().Be("image");
    }

    [Fact(Timeout = 60_000)]
    public async Task Cloud_run_uses_the_image_port_anonymous_probes_and_secret_references()
    {
        var service = await Repo.YamlAsync(Repo.Read("deploy/cloudrun/service.yaml"));
        service.GetProperty("apiVersion").GetString().Should().Be("serving.knative.dev/v1");
        service.GetProperty("kind").GetString().Should().Be("Service");
        var container = service.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];

        container.GetProperty("ports")[0].GetProperty("containerPort").GetInt32().Should().Be(KnownNames.ContainerPort);
        KnownNames.HealthPaths.Should().Contain(container.GetProperty("startupProbe").GetProperty("httpGet").GetProperty("path").GetString());
        KnownNames.HealthPaths.Should().Contain(container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        var env = container.GetProperty("env").EnumerateArray().ToList();
        env.Select(e => e.GetProperty("name").GetString()!).Should().BeSubsetOf(KnownNames.EnvironmentNames);
        foreach (var e in env.Where(e => KnownNames.SecretNames.Contains(e.GetProperty("name").GetString())))
        {
            e.TryGetProperty("value", out _).Should().BeFalse($"{e.GetProperty("name")} is a secret");
            e.GetProperty("valueFrom").GetProperty("secretKeyRef").GetProperty("name").GetString().Should().NotBeNullOrEmpty();
        }
        container.GetProperty("resources").GetProperty("limits").GetProperty("memory").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Railway_builds_the_dockerfile_and_probes_an_anonymous_health_path()
    {
        var railway = Repo.Json("railway.json");

        railway.GetProperty("build").GetProperty("builder").GetString().Should().Be("DOCKERFILE");
        File.Exists(Repo.PathOf(railway.GetProperty("build").GetProperty("dockerfilePath").GetString()!)).Should().BeTrue();
        KnownNames.HealthPaths.Should().Contain(railway.GetProperty("deploy").GetProperty("healthcheckPath").GetString());
        KnownNames.EnvironmentNames.Should().Contain("PORT", "Railway and Cloud Run say the port in PORT");
    }
}
