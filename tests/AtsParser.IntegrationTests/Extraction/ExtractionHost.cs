using System.Net.Http.Headers;
using System.Text.Json;
using AtsParser.IntegrationTests.Support;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

/// <summary>
/// One service per test class with its own temp root (Extraction:TempRoot), so a class can prove that nothing
/// it caused is left behind. Subclasses add settings.
/// </summary>
public abstract class ExtractionHost : IAsyncLifetime
{
    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "atsparser-tests", Guid.NewGuid().ToString("N"));
    public ApiFactory Factory { get; }
    public HttpClient Client { get; private set; } = null!;

    protected ExtractionHost(params (string Key, string Value)[] settings) : this(new ApiFactory(), settings) { }

    protected ExtractionHost(ApiFactory factory, params (string Key, string Value)[] settings)
    {
        // A loaded 2-core CI box can take a minute per cold LibreOffice start; these tests are about outcomes, not speed.
        Factory = factory.With("Extraction:TempRoot", TempRoot).Patient();
        foreach (var (k, v) in settings) Factory.With(k, v);
    }

    public virtual Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        Client.Timeout = TimeSpan.FromMinutes(15);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try { Directory.Delete(TempRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task<Reply> ParseAsync(string fileName, byte[] bytes, CancellationToken ct = default)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        using var response = await Client.PostAsync("/api/v1/parse?includeText=true", form, ct);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Processes whose command line mentions this host's temp root: tools it started.</summary>
    public IReadOnlyList<string> ToolProcesses()
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var state = File.ReadAllText(Path.Combine(dir, "stat"));
                if (cmdline.Contains(TempRoot, StringComparison.Ordinal) && !state[(state.LastIndexOf(')') + 2)..].StartsWith('Z'))
                    found.Add($"{pid}: {cmdline}");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>
    /// Per-call temp entries left under the temp root. The warm LibreOffice pool's profile directory (lo-pool-*) lives
    /// as long as the service and is removed when it stops, so it is not a leak while the host runs.
    /// </summary>
    public IReadOnlyList<string> TempEntries() =>
        Directory.Exists(TempRoot)
            ? Directory.EnumerateDirectories(TempRoot, "atsparser-*").SelectMany(Directory.EnumerateFileSystemEntries) // the instance's own root
                .Concat(Directory.EnumerateFileSystemEntries(TempRoot).Where(e => !Path.GetFileName(e).StartsWith("atsparser-", StringComparison.Ordinal)))
                .Select(e => Path.GetFileName(e)).Where(n => n != ".owner" && !n.StartsWith("lo-pool-", StringComparison.Ordinal)).ToList()
            : [];
}

/// <summary>A response: status and body, with the fields the tests read.</summary>
public sealed record Reply(int Status, string Body)
{
    JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Code => Status != 200 && Json.TryGetProperty("code", out var c) ? c.GetString() : null;
    public string? FileName => Json.TryGetProperty("document", out var d) ? d.GetProperty("fileName").GetString() : null;
    public JsonElement Extraction => Json.GetProperty("extraction");
    public JsonElement Document => Json.GetProperty("document");
    public JsonElement Resume => Json.GetProperty("resume");
    public string Text => Extraction.GetProperty("text").GetString() ?? "";
    public string ExtractedBy => Extraction.GetProperty("extractedBy").GetString() ?? "";
    public bool OcrUsed => Extraction.GetProperty("ocrUsed").GetBoolean();
    public override string ToString() => Status + " " + (Status == 200 ? ExtractedBy : Code + " " + Attempts);

    string Attempts => Json.TryGetProperty("attempts", out var a)
        ? "[" + string.Join(", ", a.EnumerateArray().Select(x => $"{x.GetProperty("tool").GetString()}:{x.GetProperty("outcome").GetString()}")) + "]"
        : "";
}
