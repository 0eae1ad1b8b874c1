using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>A URI link annotation: page (1-based), target, and its rectangle in top-left-origin page points.</summary>
public sealed record PdfLinkAnnotation(int Page, string Target, Box Rect);

/// <summary>
/// Link annotations (/Annots, /Subtype /Link, /A &lt;&lt;/S /URI&gt;&gt;) read in-process with PdfPig through a page
/// factory that reads only the page dictionary: no content stream is parsed, so it costs the cross-reference
/// table and the page tree, about a millisecond on a resume. Best effort: a PDF PdfPig cannot open has no links.
/// </summary>
public static class PdfLinkReader
{
    const int MaxNesting = 64;

    public static List<PdfLinkAnnotation> Read(byte[] pdf, int maxPages)
    {
        // Cheap screens first: most PDFs carry no URI (an object stream may hide one), and deeply nested arrays or
        // dictionaries are only ever hostile input that a recursive parser should not be given.
        var span = pdf.AsSpan();
        if (span.IndexOf("/URI"u8) < 0 && span.IndexOf("/ObjStm"u8) < 0) return [];
        if (Nesting(span) > MaxNesting) return [];
        var links = new List<PdfLinkAnnotation>();
        try
        {
            using var doc = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            doc.AddPageFactory<LinkPage, LinkPageFactory>();
            int pages = Math.Min(doc.NumberOfPages, maxPages);
            for (int p = 1; p <= pages && links.Count < LinkTargets.MaxLinks; p++)
                links.AddRange(doc.GetPage<LinkPage>(p).Links);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged or unusual structure: pdftotext is the judge of the document, links are a bonus.
        }
        return links;
    }

    // Array nesting outside stream data (compressed bytes hold '[' and ']' at random).
    static int Nesting(ReadOnlySpan<byte> b)
    {
        int depth = 0, max = 0;
        for (int i = 0; i < b.Length; i++)
        {
            byte c = b[i];
            if (c == (byte)'s' && b[i..].StartsWith("stream"u8) && (i == 0 || b[i - 1] != (byte)'d'))
            {
                int end = b[i..].IndexOf("endstream"u8);
                if (end < 0) break;
                i += end + 8;
                continue;
            }
            if (c == (byte)'[') { if (++depth > max) max = depth; }
            else if (c == (byte)']' && depth > 0) depth--;
        }
        return max;
    }

    public sealed record LinkPage(List<PdfLinkAnnotation> Links);

    public sealed class LinkPageFactory(IPdfTokenScanner scanner, IResourceStore resources, ILookupFilterProvider filters, IPageContentParser content, ParsingOptions options)
        : IPageFactory<LinkPage>
    {
        public LinkPage Create(int number, DictionaryToken dictionary, PageTreeMembers members, NamedDestinations namedDestinations)
        {
            _ = (resources, filters, content, options);
            var links = new List<PdfLinkAnnotation>();
            var box = members.MediaBox?.Bounds ?? new PdfRectangle(0, 0, 612, 792);
            if (dictionary.TryGet(NameToken.CropBox, scanner, out ArrayToken? crop) && crop.Length == 4) box = crop.ToRectangle(scanner);
            if (!dictionary.TryGet(NameToken.Annots, scanner, out ArrayToken? annots)) return new LinkPage(links);
            foreach (var token in annots.Data)
            {
                if (!DirectObjectFinder.TryGet(token, scanner, out DictionaryToken? annot)) continue;
                if (!annot.TryGet(NameToken.Subtype, scanner, out NameToken? subtype) || subtype != NameToken.Link) continue;
                if (!annot.TryGet(NameToken.A, scanner, out DictionaryToken? action)) continue;
                if (!action.TryGet(NameToken.S, scanner, out NameToken? kind) || kind != NameToken.Uri) continue;
                if (!action.TryGet(NameToken.Uri, scanner, out IToken? uriToken)) continue;
                var uri = uriToken switch
                {
                    StringToken s => s.Data,
                    HexToken h => h.Data,
                    IndirectReferenceToken => DirectObjectFinder.TryGet(uriToken, scanner, out StringToken? s2) ? s2.Data : null,
                    _ => null,
                };
                if (!LinkTargets.IsUseful(uri)) continue;
                var rect = annot.TryGet(NameToken.Rect, scanner, out ArrayToken? r) && r.Length == 4 ? r.ToRectangle(scanner) : default;
                // PDF space is bottom-up from the crop box's corner; pdftotext's boxes are top-down from its top-left.
                var top = new Box(
                    Math.Min(rect.Left, rect.Right) - box.Left, box.Top - Math.Max(rect.Top, rect.Bottom),
                    Math.Max(rect.Left, rect.Right) - box.Left, box.Top - Math.Min(rect.Top, rect.Bottom));
                links.Add(new PdfLinkAnnotation(number, uri!.Trim(), top));
            }
            return new LinkPage(links);
        }
    }
}
