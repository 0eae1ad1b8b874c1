using AtsParser.Core.Documents;
using AtsParser.Core.Extraction.Extractors;

namespace AtsParser.Core.Extraction;

/// <summary>The extractor chains, as data: per format, the extractors tried in order.</summary>
public sealed class ExtractorChains
{
    readonly Dictionary<DocumentFormat, IExtractor[]> _chains;

    public ExtractorChains(
        PdfTextExtractor pdftotext, PdfOcrExtractor ocr, ImageOcrExtractor tesseract, AntiwordExtractor antiword,
        LibreOfficeTextExtractor libreOffice, LibreOfficeOcrExtractor libreOfficeOcr, PandocExtractor pandoc,
        OpenXmlExtractor openXml, OdtExtractor odfXml, RtfExtractor rtf, HtmlExtractor html, PlainTextExtractor text,
        WordDocExtractor word, PdfWordsExtractor pdfwords, Microsoft.Extensions.Options.IOptions<ExtractionOptions> options)
    {
        IExtractor[] doc = options.Value.EnableWordReader ? [word, antiword, libreOffice, libreOfficeOcr] : [antiword, libreOffice, libreOfficeOcr];
        IExtractor[] pdf = options.Value.EnablePdfWorker ? [pdfwords, pdftotext, ocr] : [pdftotext, ocr];
        _chains = new()
        {
            [DocumentFormat.Pdf]   = pdf,
            [DocumentFormat.Docx]  = [openXml, pandoc, libreOffice],
            [DocumentFormat.Doc]   = doc,
            [DocumentFormat.Rtf]   = [rtf, pandoc, libreOffice],
            [DocumentFormat.Odt]   = [odfXml, pandoc, libreOffice],
            [DocumentFormat.Html]  = [html, pandoc],
            [DocumentFormat.Txt]   = [text],
            [DocumentFormat.Image] = [tesseract],
        };
    }

    public IReadOnlyList<IExtractor> For(DocumentFormat format) => _chains[format];
}
