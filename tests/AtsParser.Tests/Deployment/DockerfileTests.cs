using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Deployment;

public class DockerfileTests
{
    static readonly string[] Lines = Repo.Read("Dockerfile").Split('\n');
    static readonly string Text = Repo.Read("Dockerfile");

    [Fact]
    public void It_builds_with_the_sdk_and_runs_on_the_aspnet_runtime_image()
    {
        var froms = Lines.Where(l => l.StartsWith("FROM ")).ToList();
        froms.Should().HaveCount(4);
        // The pdfwords worker is compiled on the runtime image itself (its poppler is the one it links at run time).
        froms.Where(f => !f.EndsWith(" AS pdfwords") && f != froms[^1]).Should().AllSatisfy(f => f.Should().MatchRegex(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0\S* AS \w+$"));
        froms.Should().ContainSingle(f => f.EndsWith(" AS pdfwords")).Which.Should().MatchRegex(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\S* AS pdfwords$");
        froms.Should().Contain(f => f.EndsWith(" AS build"));
        froms[^1].Should().MatchRegex(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\S* AS runtime");
        Text.Should().Contain("COPY --from=build /app");
        Text.Should().Contain("COPY --from=pdfwords /out/ /usr/local/bin/");
    }

    [Fact]
    public void The_toolchain_is_installed_by_the_same_script_CI_runs()
    {
        Text.Should().Contain("COPY scripts/install-deps.sh ");
        Lines.Should().Contain(l => Regex.IsMatch(l, @"^RUN bash \S*install-deps\.sh --tools"));
        Repo.Read(".ci/run").Should().Contain("scripts/test.sh");
        Repo.Read("scripts/test.sh").Should().Contain("scripts/install-deps.sh");
    }

    [Fact(Timeout = 600_000)]
    public async Task The_tools_package_list_installs_on_this_machine()
    {
        var r = await Repo.RunAsync("bash", ["scripts/install-deps.sh", "--tools"], timeout: TimeSpan.FromMinutes(10));

        r.ExitCode.Should().Be(0, r.Output);
    }

    [Fact]
    public void Restore_sees_every_project_under_src_without_naming_them()
    {
        // A new project under src/ (a library the Api references) must reach `dotnet restore` with no Dockerfile edit.
        var restore = Lines.Single(l => l.StartsWith("RUN dotnet restore "));
        var copiedBefore = Lines.TakeWhile(l => l != restore).Where(l => l.StartsWith("COPY ")).ToList();
        copiedBefore.Should().Contain(l => l.StartsWith("COPY --from=projects /src/src/ src/"));
        Text.Should().Contain("find /src/src -type f ! -name '*.csproj'");
    }

    [Fact]
    public void The_runtime_stage_leaves_no_apt_cache_or_package_lists()
    {
        var runtime = Text[Text.IndexOf("AS runtime", StringComparison.Ordinal)..];
        var install = Regex.Match(runtime, @"RUN bash \S*install-deps\.sh --tools(?:[^\n]*\\\n)*[^\n]*").Value;
        install.Should().Contain("apt-get clean").And.Contain("rm -rf /var/lib/apt/lists/*");
    }

    [Fact]
    public void It_runs_as_a_non_root_user_with_one_tesseract_thread_and_temp_under_tmp()
    {
        var user = Lines.Last(l => l.StartsWith("USER ")).Split(' ', 2)[1].Trim();
        user.Should().NotBe("root").And.NotBe("0");
        Text.Should().MatchRegex(@"OMP_THREAD_LIMIT=1\b");
        Text.Should().MatchRegex(@"TMPDIR=/tmp\b").And.MatchRegex(@"HOME=/tmp\b");
    }

    [Fact]
    public void The_healthcheck_probes_an_anonymous_health_path_on_the_exposed_port()
    {
        var health = Text[Text.IndexOf("HEALTHCHECK", StringComparison.Ordinal)..];
        KnownNames.HealthPaths.Should().Contain(p => health.Contains("GET " + p + " "));
        Lines.Should().Contain($"EXPOSE {KnownNames.ContainerPort}");
        Text.Should().Contain($"ASPNETCORE_HTTP_PORTS={KnownNames.ContainerPort}");
        health.Should().Contain($"${{PORT:-{KnownNames.ContainerPort}}}");
    }

    [Fact]
    public void Dockerignore_keeps_what_the_build_copies_and_drops_build_output()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        ignored.Should().Contain(["**/bin/", "**/obj/", ".git/"]);
        foreach (var copied in Lines.Where(l => l.StartsWith("COPY ") && !l.Contains("--from")).SelectMany(l => l.Split(' ')[1..^1]))
            ignored.Should().NotContain(i => copied.StartsWith(i.TrimEnd('/'), StringComparison.Ordinal), $"{copied} is copied into the image");
    }
}
