using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using OpenQA.Selenium;
using Xunit;

namespace AtsParser.IntegrationTests.Review;

/// <summary>The review page in a real headless chromium against the real service (PostgreSQL, API keys on).</summary>
public sealed class ReviewPageBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    const string Docx = "docx/soupboss_01-Accountant.docx";
    const string Pdf = "pdf/openresume_laverne-resume.pdf";
    readonly ReviewPage _page = new(fx);

    [BrowserFact(Timeout = 120_000)]
    public async Task A_wrong_api_key_shows_the_401_message()
    {
        await _page.OpenAsync("not-the-key");

        await ReviewPage.UntilAsync(() => fx.Driver.FindElement(By.Id("key-error")).Displayed, "the key error");
        _page.Text("key-error").Should().Contain("401").And.Contain("API key");
        _page.Text("status").Should().Contain("unauthorized");
        _page.Screenshot("wrong-key");
    }

    [BrowserFact(Timeout = 180_000)]
    public async Task An_uploaded_docx_and_pdf_show_name_email_and_first_job_in_two_panes()
    {
        await _page.OpenAsync();
        await _page.KeyAcceptedAsync();

        _page.Upload(Docx, Pdf);
        await _page.FilesDoneAsync(2);

        _page.OpenFile("soupboss_01-Accountant.docx");
        await ReviewPage.UntilAsync(() => _page.Text("detail-title") == "soupboss_01-Accountant.docx", "the DOCX to be shown");
        var resume = _page.Text("resume-pane");
        resume.Should().Contain("Ebony Moore").And.Contain("emoore@email.com");
        _page.Items("Work experience")[0].Text.Should().Contain("Certified Public Accountant").And.Contain("Gilmore Financial");
        _page.Text("text-pane").Should().Contain("Gilmore Financial, New Orleans, LA, Certified Public Accountant");
        _page.Screenshot("two-panes-1280x800");

        _page.OpenFile("openresume_laverne-resume.pdf");
        await ReviewPage.UntilAsync(() => _page.Text("detail-title") == "openresume_laverne-resume.pdf", "the PDF to be shown");
        _page.Text("resume-pane").Should().Contain("Leo Leopard").And.Contain("lleopard@laverne.edu");
        // The first job as the API parses it (the parser's accuracy on this file is the evaluator's business, not the page's).
        var job = (await ApiResumeAsync(Pdf)).GetProperty("workExperience")[0];
        _page.Items("Work experience")[0].Text.Should().Contain(job.GetProperty("title").GetString()).And.Contain(job.GetProperty("employer").GetString());
        _page.Text("text-meta").Should().Contain("pdfwords");
        _page.ScriptProblems().Should().BeEmpty("the page runs under its CSP without errors");
    }

    async Task<JsonElement> ApiResumeAsync(string corpusFile)
    {
        using var client = new HttpClient { BaseAddress = fx.Base };
        client.DefaultRequestHeaders.Add("X-API-Key", BrowserFixture.Key);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Corpus.PathOf(corpusFile))), "file", Path.GetFileName(corpusFile) } };
        var answer = await client.PostAsync("/api/v1/parse", form);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resume");
    }

    [BrowserFact(Timeout = 180_000)]
    public async Task Selecting_a_job_highlights_exactly_its_evidence_lines()
    {
        await _page.OpenAsync();
        _page.Upload(Docx);
        await _page.FilesDoneAsync(1);

        var job = _page.Items("Work experience")[1];
        job.Click();

        job.GetAttribute("aria-pressed").Should().Be("true");
        _page.HighlightedLines().Should().Equal("Harrison Money Management, New Orleans, LA, Accountant", "Aug. 2020 – Oct. 2021");
        ((IJavaScriptExecutor)fx.Driver).ExecuteScript("document.getElementById('detail').scrollIntoView()");
        _page.Screenshot("evidence-highlight-1280x800");
        job.SendKeys(Keys.Enter);
        _page.HighlightedLines().Should().BeEmpty("selecting the same job again clears the highlight");
    }

    [BrowserFact(Timeout = 180_000)]
    public async Task The_batch_table_exports_one_csv_row_per_file()
    {
        await _page.OpenAsync();
        _page.Upload(Docx, Pdf);
        await _page.FilesDoneAsync(2);
        _page.Tab("batch");

        var csv = (await _page.DownloadAsync("export-csv", "batch.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        csv[0].Should().Be("file,name,email,current_title,current_employer,total_experience_months,highest_degree,warnings,lowest_confidence,status");
        csv.Should().HaveCount(3);
        csv.Should().Contain(l => l.StartsWith("soupboss_01-Accountant.docx,Ebony Moore,emoore@email.com,Certified Public Accountant,Gilmore Financial,", StringComparison.Ordinal));
        csv.Should().Contain(l => l.StartsWith("openresume_laverne-resume.pdf,Leo Leopard,lleopard@laverne.edu,", StringComparison.Ordinal));
        fx.Driver.FindElements(By.CssSelector("#batch-table tbody tr")).Should().HaveCount(2);
        _page.Screenshot("batch-table");
    }

    [BrowserFact(Timeout = 180_000)]
    public async Task A_correction_saved_in_the_page_is_exported_as_an_answer_key()
    {
        await _page.OpenAsync();
        _page.Upload(Docx);
        await _page.FilesDoneAsync(1);

        fx.Driver.FindElement(By.Id("btn-correct")).Click();
        var reviewer = fx.Driver.FindElement(By.XPath("//label[starts-with(., 'Your name')]/following-sibling::input[1]"));
        reviewer.SendKeys("Browser Reviewer");
        var title = fx.Driver.FindElement(By.XPath("//fieldset[legend='Job 2']//label[.='Title']/following-sibling::input[1]"));
        title.Clear();
        title.SendKeys("Staff Accountant");
        fx.Driver.FindElement(By.XPath("//button[.='Save corrections']")).Click();
        await ReviewPage.UntilAsync(() => _page.Text("status").Contains("Saved"), "the correction to be saved");
        _page.Items("Work experience")[1].Text.Should().Contain("Staff Accountant");
        _page.Text("resume-pane").Should().Contain("corrected view");

        _page.Tab("batch");
        var keys = JsonDocument.Parse(await _page.DownloadAsync("export-keys", "answer-keys.json")).RootElement;
        var key = keys.EnumerateArray().Single(k => k.GetProperty("file").GetString() == "soupboss_01-Accountant.docx");
        key.GetProperty("experience")[1].GetProperty("title").GetString().Should().Be("Staff Accountant");
        key.GetProperty("experience")[0].GetProperty("title").GetString().Should().Be("Certified Public Accountant");
        key.GetProperty("notes").GetString().Should().Contain("Browser Reviewer");
    }

    [BrowserFact(Timeout = 240_000)]
    public async Task A_background_job_shows_progress_and_survives_a_page_reload()
    {
        await _page.OpenAsync(remember: true);
        await _page.KeyAcceptedAsync();
        fx.Driver.FindElement(By.Id("opt-job")).Click();

        _page.Upload(Docx, Pdf);
        await ReviewPage.UntilAsync(() => _page.Text("job-label").Contains("2 of 2 files finished"), "the job to finish", TimeSpan.FromSeconds(120));
        fx.Driver.Navigate().Refresh();

        await ReviewPage.UntilAsync(() => fx.Driver.FindElements(By.CssSelector("#batch-table tbody tr")).Count == 2
            && _page.Text("batch-table").Contains("Ebony Moore") && _page.Text("batch-table").Contains("Leo Leopard"), "the reloaded page to show the job's files");
        _page.Text("job-label").Should().Contain("2 of 2 files finished");
        ((IJavaScriptExecutor)fx.Driver).ExecuteScript("return localStorage.length").Should().Be(0L, "the key is never put in localStorage");
        fx.Driver.FindElement(By.Id("clear-batch")).Click();
    }

    [BrowserFact(Timeout = 180_000)]
    public async Task At_phone_width_the_panes_stack_and_nothing_overflows_sideways()
    {
        await _page.OpenAsync();
        _page.Upload(Docx);
        await _page.FilesDoneAsync(1);
        try
        {
            fx.Driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
            var js = (IJavaScriptExecutor)fx.Driver;
            await ReviewPage.UntilAsync(() => (long)js.ExecuteScript("return window.innerWidth")! <= 400, "the narrow window");

            ((bool)js.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth")!).Should().BeTrue();
            var textBottom = Convert.ToDouble(js.ExecuteScript("return document.getElementById('text-pane').closest('.pane').getBoundingClientRect().bottom"));
            var resumeTop = Convert.ToDouble(js.ExecuteScript("return document.getElementById('resume-pane').closest('.pane').getBoundingClientRect().top"));
            resumeTop.Should().BeGreaterThan(textBottom);
            _page.Screenshot("phone-390");
        }
        finally { fx.Driver.Manage().Window.Size = new System.Drawing.Size(1280, 800); }
    }
}
