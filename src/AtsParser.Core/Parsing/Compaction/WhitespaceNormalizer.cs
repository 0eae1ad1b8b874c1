using System.Text;

namespace AtsParser.Core.Parsing.Compaction;

/// <summary>
/// One line at a time: odd spaces and tabs become spaces, zero-width characters go, soft and Unicode hyphens
/// become '-', bullet glyphs become '-', and runs of spaces shrink. A wide gap (4+ spaces, a column boundary in
/// pdftotext -layout output) keeps two spaces so that the model can still tell the columns apart.
/// </summary>
public static class WhitespaceNormalizer
{
    public static string NormalizeLine(string line)
    {
        var sb = new StringBuilder(line.Length);
        int spaces = 0;
        for (int i = 0; i < line.Length; i++)
        {
            var c = Map(line, i);
            if (c is null) continue;
            if (c == ' ') { spaces++; continue; }
            if (spaces > 0 && sb.Length > 0) sb.Append(spaces >= 4 ? "  " : " ");
            spaces = 0;
            sb.Append(c.Value);
        }
        if (sb.Length > 0 && IsBullet(sb[0])) sb[0] = '-';
        return sb.ToString();
    }

    static char? Map(string s, int i)
    {
        var c = s[i];
        switch (c)
        {
            case '\t' or '\u00A0' or '\u3000' or '\u202F' or '\u205F' or (>= '\u2000' and <= '\u200A'): return ' ';
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\r': return null;
            // A soft hyphen next to a real hyphen is a duplicate; alone it is a dash (awesomecv date ranges).
            case '\u00AD': return (i > 0 && s[i - 1] == '-') || (i + 1 < s.Length && s[i + 1] == '-') ? null : '-';
            case '\u2010' or '\u2011': return '-';
            default: return c;
        }
    }

    static bool IsBullet(char c) => c is '•' or '●' or '▪' or '◦' or '■' or '□' or '➢' or '►' or '▶' or '✓' or '✔' or '∙' or '·' or '○' or '◆' or '❖'
        || (c >= '\uE000' && c <= '\uF8FF');
}
