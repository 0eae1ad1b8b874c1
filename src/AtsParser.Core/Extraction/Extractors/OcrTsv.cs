using System.Globalization;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Tesseract's TSV output (a row per word with its box) written as tesseract writes its text: words of a line joined by
/// a space, a line per line, a blank line after each paragraph. One difference: where a line's next word sits far off
/// (a gap wider than twice the line's word height: "Quellbrook Freight Ltd." ... "Leeds, UK", a title ... its dates),
/// the line is broken there, as a PDF's text layer keeps the two apart; plain text would glue employer and city.
/// </summary>
public static class OcrTsv
{
    const double ColumnGap = 2.0;

    public static string ToText(string tsv)
    {
        var sb = new StringBuilder(tsv.Length / 4);
        var line = new List<(double Left, double Right, double Height, string Text)>();
        (int Page, int Block, int Par, int Line)? lineKey = null;
        (int, int, int)? parKey = null;
        // level page block par line word left top width height conf text
        Span<Range> f = stackalloc Range[13];
        foreach (var raw in tsv.AsSpan().EnumerateLines())
        {
            if (raw.Split(f, '\t') < 12 || !raw[f[0]].SequenceEqual("5")) continue;
            var text = raw[f[11]].Trim();
            if (text.IsEmpty) continue;
            var key = (Int(raw[f[1]]), Int(raw[f[2]]), Int(raw[f[3]]), Int(raw[f[4]]));
            if (lineKey != key)
            {
                Flush();
                var par = (key.Item1, key.Item2, key.Item3);
                if (parKey is not null && parKey != par) sb.Append('\n');
                parKey = par;
                lineKey = key;
            }
            double left = Int(raw[f[6]]), width = Int(raw[f[8]]), height = Int(raw[f[9]]);
            line.Add((left, left + width, height, text.ToString()));
        }
        Flush();
        return sb.ToString();

        void Flush()
        {
            if (line.Count == 0) return;
            var heights = line.Select(w => w.Height).Order().ToList();
            double h = Math.Max(heights[heights.Count / 2], 1);
            for (int k = 0; k < line.Count; k++)
            {
                if (k > 0) sb.Append(line[k].Left - line[k - 1].Right > ColumnGap * h ? '\n' : ' ');
                sb.Append(line[k].Text);
            }
            sb.Append('\n');
            line.Clear();
        }
    }

    static int Int(ReadOnlySpan<char> s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
