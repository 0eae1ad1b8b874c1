using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

public sealed class PdfWorkerOnHost() : ExtractionHost(("Extraction:EnablePdfWorker", "true"));
public sealed class PdfWorkerOffHost() : ExtractionHost(("Extraction:EnablePdfWorker", "false"));

/// <summary>PDF_ENABLE_WORKER through HTTP: the warm pdfwords worker reads a corpus PDF, with pdftotext's text.</summary>
[Collection(ExtractionCollection.Name)]
public class PdfWorkerTests(PdfWorkerOnHost on, PdfWorkerOffHost off) : IClassFixture<PdfWorkerOnHost>, IClassFixture<PdfWorkerOffHost>
{
    [Theory]
    [InlineData("pdf/openresume_openresume-resume.pdf")]
    [InlineData("pdf/deedy_resume-openfont.pdf")]
    public async Task A_corpus_pdf_is_read_by_the_pdfwords_worker_with_the_text_pdftotext_gives(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.PathOf(file));

        var worker = await on.ParseAsync(Path.GetFileName(file), bytes);
        var pdftotext = await off.ParseAsync(Path.GetFileName(file), bytes);

        worker.Status.Should().Be(200, worker.Body);
        worker.ExtractedBy.Should().Be("pdfwords");
        pdftotext.ExtractedBy.Should().Be("pdftotext");
        worker.Text.Should().Be(pdftotext.Text);
        worker.Extraction.GetProperty("links").ToString().Should().Be(pdftotext.Extraction.GetProperty("links").ToString());
        on.TempEntries().Should().BeEmpty();
    }
}
