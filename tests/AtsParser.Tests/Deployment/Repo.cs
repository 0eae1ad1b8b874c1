using System.Diagnostics;
using System.Text.Json;

namespace AtsParser.Tests.Deployment;

/// <summary>The repository root, and real command-line tools (promtool, docker-compose, python3) run with a timeout.</summary>
public static class Repo
{
    public static string Root { get; } = Locate();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonElement Json(string relative) => JsonDocument.Parse(Read(relative)).RootElement;

    /// <summary>YAML → JSON through python3-yaml (installed with docker-compose by scripts/install-deps.sh).</summary>
    public static async Task<JsonElement> YamlAsync(string yaml)
    {
        var r = await RunAsync("python3", ["-c", "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"], stdin: yaml);
        if (r.ExitCode != 0) throw new InvalidOperationException("YAML did not parse: " + r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string? stdin = null, string? workDir = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = workDir ?? Root };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var stdout = p.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = p.StandardError.ReadToEndAsync(cts.Token);
        if (stdin is not null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException($"{file} did not finish in time"); }
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    static string Locate()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "AtsParser.sln"))) return d.FullName;
        throw new InvalidOperationException("AtsParser.sln not found above the test output directory.");
    }
}
