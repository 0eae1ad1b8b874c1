using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AtsParser.IntegrationTests.Support;

/// <summary>The real service in-process over HTTP. Settings can be overridden per factory.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    // The start-up warm-up (WarmupService) is off in test hosts: each would spend seconds of CPU compiling the same
    // code again, and readiness tests expect ready at once. WarmupTests turn it on.
    readonly Dictionary<string, string?> _settings = new() { ["Warmup:Enabled"] = "false" };

    public ApiFactory With(string key, string? value) { _settings[key] = value; return this; }

    /// <summary>The patient extraction settings eval uses (CorpusEvaluation.PatientExtraction): for tests about what
    /// extraction yields, not how fast.</summary>
    public ApiFactory Patient()
    {
        foreach (var (key, value) in AtsParser.Core.Parsing.Evaluation.CorpusEvaluation.PatientExtraction) With(key, value);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    public static MultipartFormDataContent Form(string field, params (string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), field, name);
        return form;
    }
}
