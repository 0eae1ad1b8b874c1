using UglyToad.PdfPig;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// The Info dictionary's Title and Author, read in-process with PdfPig (no page content is parsed), as hints for the
/// name. Best effort: a PDF PdfPig cannot open, or one that only hostile input would build, has none.
/// </summary>
public static class PdfProperties
{
    const int MaxNesting = 64;

    public static List<DocumentHint> Read(byte[] pdf)
    {
        var hints = new List<DocumentHint>();
        var span = pdf.AsSpan();
        // The Info dictionary is plain (or in an object stream); without either there is nothing to open the file for.
        if (span.IndexOf("/Author"u8) < 0 && span.IndexOf("/Title"u8) < 0 && span.IndexOf("/ObjStm"u8) < 0) return hints;
        if (Nesting(span) > MaxNesting) return hints;
        try
        {
            using var doc = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            DocumentHints.Add(hints, DocumentHints.TitleProperty, doc.Information.Title);
            DocumentHints.Add(hints, DocumentHints.AuthorProperty, doc.Information.Author);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged or unusual structure: the text extractor judges the document, properties are a bonus.
        }
        return hints;
    }

    // Array nesting outside stream data, as PdfLinkReader screens it: deep nesting is only ever hostile input.
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
}
