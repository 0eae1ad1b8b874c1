using System.Globalization;
using System.Text;

namespace AtsParser.Tests.Extraction;

/// <summary>A PDF written by hand for tests: Helvetica text lines at given positions (points, origin bottom left), one list per page.</summary>
public static class TinyPdf
{
    public sealed record Line(double X, double Y, string Text, double Size = 10);

    /// <summary>A URI link annotation over a rectangle (PDF space: x1 y1 x2 y2 from the bottom left).</summary>
    public sealed record Link(int Page, double X1, double Y1, double X2, double Y2, string Uri);

    public static byte[] Build(params IReadOnlyList<Line>[] pages) => WithLinks(pages, []);

    public static byte[] WithLinks(IReadOnlyList<Line>[] pages, IReadOnlyList<Link> links)
    {
        var objects = new List<string>();
        int font = 3, firstPage = 4;
        var kids = string.Join(" ", pages.Select((_, i) => $"{firstPage + 2 * i} 0 R"));
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages.Length} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        foreach (var (lines, i) in pages.Select((l, i) => (l, i)))
        {
            var content = new StringBuilder();
            foreach (var l in lines)
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 {l.Size} Tf {l.X} {l.Y} Td ({Escape(l.Text)}) Tj ET\n");
            var annots = string.Join(" ", links.Where(k => k.Page == i + 1).Select(k => string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Annot /Subtype /Link /Rect [{k.X1} {k.Y1} {k.X2} {k.Y2}] /Border [0 0 0] /A << /S /URI /URI ({Escape(k.Uri)}) >> >>")));
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Annots [{annots}] /Contents {firstPage + 2 * i + 1} 0 R >>");
            objects.Add($"<< /Length {Encoding.Latin1.GetByteCount(content.ToString())} >>\nstream\n{content}endstream");
        }
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var (body, n) in objects.Select((b, n) => (b, n + 1)))
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{n} 0 obj\n{body}\nendobj\n");
        }
        int xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>A resume page in two columns under a header line; the right column's baselines sit between the left's
    /// (on the same baselines the two sides would read as table rows).</summary>
    public static byte[] TwoColumns(string[] left, string[] right, string header = "Jordan Example | jordan@example.org | +1 555 0100")
    {
        var lines = new List<Line> { new(72, 740, header, 12) };
        lines.AddRange(left.Select((t, i) => new Line(72, 700 - 14 * i, t)));
        lines.AddRange(right.Select((t, i) => new Line(330, 693 - 14 * i, t)));
        return Build(lines);
    }
}
