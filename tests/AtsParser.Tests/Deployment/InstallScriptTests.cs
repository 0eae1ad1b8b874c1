using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Deployment;

/// <summary>install-deps.sh fetches the pgvector source from the machine's own Debian mirror, never a hard-coded host.</summary>
public sealed class InstallScriptTests : IDisposable
{
    readonly string _etc = Directory.CreateTempSubdirectory("apt-etc-").FullName;

    public InstallScriptTests() => Directory.CreateDirectory(Path.Combine(_etc, "sources.list.d"));

    public void Dispose() => Directory.Delete(_etc, recursive: true);

    static async Task<(int Exit, string Out)> Mirror(string etc, string? overrideMirror = null)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Repo.PathOf("scripts/debian-mirror.sh"));
        psi.ArgumentList.Add(etc);
        psi.Environment.Remove("DEBIAN_MIRROR");
        if (overrideMirror is not null) psi.Environment["DEBIAN_MIRROR"] = overrideMirror;
        using var p = Process.Start(psi)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = await p.StandardOutput.ReadToEndAsync(timeout.Token);
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, output.Trim());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_mirror_comes_from_a_deb822_sources_file_skipping_security_and_disabled_stanzas()
    {
        File.WriteAllText(Path.Combine(_etc, "sources.list.d", "debian.sources"), """
            Types: deb
            URIs: http://mirror.corp.example/debian
            Suites: bookworm bookworm-updates
            Enabled: no

            Types: deb
            URIs: http://security.corp.example/debian-security
            Suites: bookworm-security

            Types: deb
            URIs: https://apt.corp.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            """.Replace("            ", ""));

        (await Mirror(_etc)).Should().Be((0, "https://apt.corp.example/debian"));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_mirror_comes_from_a_one_line_sources_list_with_options()
    {
        File.WriteAllText(Path.Combine(_etc, "sources.list"), "deb [signed-by=/usr/share/keyrings/x.gpg arch=amd64] http://ftp.corp.example/debian bookworm main\n");

        (await Mirror(_etc)).Should().Be((0, "http://ftp.corp.example/debian"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_debian_source_it_fails_unless_debian_mirror_is_set()
    {
        (await Mirror(_etc)).Exit.Should().Be(1);
        (await Mirror(_etc, "http://given.example/debian")).Should().Be((0, "http://given.example/debian"));
    }

    [Fact]
    public void The_install_script_names_no_package_mirror_host()
    {
        Repo.Read("scripts/install-deps.sh").Should().NotContain("deb.debian.org").And.Contain("debian-mirror.sh");
    }
}
