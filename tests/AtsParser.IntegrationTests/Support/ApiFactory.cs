using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AtsParser.IntegrationTests.Support;

/// <summary>The real service in-process over HTTP. Settings can be overridden per factory.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> _settings = new();

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
