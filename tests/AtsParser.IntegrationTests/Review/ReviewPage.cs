using System.Diagnostics;
using OpenQA.Selenium;

namespace AtsParser.IntegrationTests.Review;

/// <summary>What a person does on the review page, as steps for the browser tests.</summary>
public sealed class ReviewPage(BrowserFixture fx)
{
    IWebDriver D => fx.Driver;

    /// <summary>A fresh page: nothing in sessionStorage (no key, no job), then the key typed in as a person would.</summary>
    public async Task OpenAsync(string? key = BrowserFixture.Key, bool remember = false)
    {
        D.Navigate().GoToUrl(new Uri(fx.Base, "ui/"));
        ((IJavaScriptExecutor)D).ExecuteScript("sessionStorage.clear()");
        D.Navigate().Refresh();
        await UntilAsync(() => Text("status").Contains("API key"), "the page to ask for a key");
        if (key is null) return;
        D.FindElement(By.Id("api-key")).SendKeys(key);
        if (remember) D.FindElement(By.Id("remember-key")).Click();
        D.FindElement(By.CssSelector("#key-form button[type=submit]")).Click();
    }

    public async Task KeyAcceptedAsync() => await UntilAsync(() => Text("status").Contains("Key accepted"), "the key to be accepted");

    public void Upload(params string[] corpusFiles) =>
        D.FindElement(By.Id("file-input")).SendKeys(string.Join("\n", corpusFiles.Select(Corpus.PathOf)));

    public async Task FilesDoneAsync(int count) =>
        await UntilAsync(() => D.FindElements(By.CssSelector("#file-list .badge.done")).Count >= count, $"{count} file(s) to be parsed", TimeSpan.FromSeconds(90));

    public void OpenFile(string name) =>
        D.FindElements(By.CssSelector("#file-list button")).First(b => b.Text.StartsWith(name, StringComparison.Ordinal)).Click();

    public string Text(string id) => D.FindElement(By.Id(id)).Text;

    public IReadOnlyList<IWebElement> Items(string section) =>
        D.FindElements(By.XPath($"//div[@id='resume-pane']//section[h4='{section}']//button[contains(@class,'item')]"));

    public IReadOnlyList<string> HighlightedLines() => D.FindElements(By.CssSelector("#text-pane .line.hl")).Select(e => e.Text).ToList();

    public void Tab(string name)
    {
        ((IJavaScriptExecutor)D).ExecuteScript("window.scrollTo(0, 0)");
        D.FindElement(By.Id($"tab-{name}")).Click();
    }

    /// <summary>Clicks a download button and returns the downloaded file's text.</summary>
    public async Task<string> DownloadAsync(string buttonId, string fileName)
    {
        var path = Path.Combine(fx.Downloads, fileName);
        File.Delete(path);
        D.FindElement(By.Id(buttonId)).Click();
        await UntilAsync(() => File.Exists(path), $"{fileName} to be downloaded");
        return await File.ReadAllTextAsync(path);
    }

    public string Screenshot(string name)
    {
        var path = Path.Combine(BrowserFixture.Artifacts, name + ".png");
        ((ITakesScreenshot)D).GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Console entries that mean the page is broken: CSP violations and uncaught script errors.</summary>
    public IReadOnlyList<string> ScriptProblems() => D.Manage().Logs.GetLog(LogType.Browser)
        .Select(e => e.Message).Where(m => m.Contains("Content Security Policy", StringComparison.Ordinal) || m.Contains("Uncaught", StringComparison.Ordinal)).ToList();

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var sw = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            try { if (condition()) return; }
            catch (Exception e) when (e is NoSuchElementException or StaleElementReferenceException or InvalidOperationException) { /* not there yet */ }
            if (sw.Elapsed > limit) throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            await Task.Delay(100);
        }
    }
}
