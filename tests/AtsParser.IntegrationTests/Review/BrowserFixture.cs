using AtsParser.Api.Security;
using AtsParser.IntegrationTests.Observability;
using AtsParser.IntegrationTests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;

namespace AtsParser.IntegrationTests.Review;

/// <summary>Debian's chromium and chromium-driver (scripts/install-deps.sh); tests skip with one line where they are missing.</summary>
public static class Chromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static bool Installed => File.Exists(Browser) && File.Exists(Driver);

    public const string SkipReason = "No chromium: install chromium and chromium-driver (scripts/install-deps.sh) to run the review page's browser tests.";
}

/// <summary>A [Fact] that skips, with one clear line, on machines without chromium.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed) Skip = Chromium.SkipReason;
    }
}

/// <summary>
/// One service on a real port (PostgreSQL for storage, jobs and corrections; API keys required) and one headless
/// chromium session for the whole test class. Screenshots go to ATS_ARTIFACTS_DIR (default: bin/.../artifacts/review).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Key = "review-page-test-key-5c2e";

    public StorageApiFactory Api { get; private set; } = null!;
    public Uri Base { get; private set; } = null!;
    public ChromeDriver Driver { get; private set; } = null!;
    public string Downloads { get; private set; } = "";
    public static string Artifacts { get; } = Path.Combine(Environment.GetEnvironmentVariable("ATS_ARTIFACTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "review");

    string _root = "";
    ChromeDriverService? _service;

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed) return;
        Api = await StorageApiFactory.CreateAsync(null, null, true, ("Security:ApiKeyHashes", ApiKeyHandler.HashOf(Key)));
        var port = KestrelApi.FreePort();
        Api.UseKestrel(port);
        Api.StartServer();
        Base = new Uri($"http://127.0.0.1:{port}/");

        _root = Directory.CreateTempSubdirectory("ats-review-chromium-").FullName;
        Downloads = Directory.CreateDirectory(Path.Combine(_root, "downloads")).FullName;
        Directory.CreateDirectory(Artifacts);
        var options = new ChromeOptions { BinaryLocation = Chromium.Browser };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(_root, "profile")}", "--window-size=1280,800");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        _service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Chromium.Driver)!, Path.GetFileName(Chromium.Driver));
        _service.SuppressInitialDiagnosticInformation = true;
        _service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public async Task DisposeAsync()
    {
        if (!Chromium.Installed) return;
        try { Driver?.Quit(); } finally { Driver?.Dispose(); _service?.Dispose(); }
        if (Api is not null) await Api.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { /* chromium may still be releasing its profile */ }
    }
}
