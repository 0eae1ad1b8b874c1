using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AtsParser.IntegrationTests.Support;

/// <summary>The real service in-process over HTTP. Settings can be overridden per factory.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> _settings = new();

    public ApiFactory With(string key, string? value) { _settings[key] = value; return this; }

    /// <summary>Tool timeouts of 300 s and a document budget of 1800 s: for tests about what extraction yields, not how
    /// fast. On a loaded 2-core CI box one OCR image or a cold LibreOffice start can take more than the 60 s default budget.</summary>
    public ApiFactory Patient()
    {
        foreach (var key in new[] { "LibreOfficeTimeoutSeconds", "OcrPageTimeoutSeconds", "PdfTimeoutSeconds", "PandocTimeoutSeconds", "AntiwordTimeoutSeconds" })
            With("Extraction:" + key, "300");
        return With("Extraction:DocumentBudgetSeconds", "1800");
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
