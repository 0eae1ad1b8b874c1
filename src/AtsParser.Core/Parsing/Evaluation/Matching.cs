using System.Text;

namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>The corpus README's "Matching rules for an evaluator", one normaliser per kind of value.</summary>
public static class Matching
{
    /// <summary>NFKC, casefold, whitespace collapse, surrounding punctuation trimmed.</summary>
    public static string Text(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var t = s.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(t.Length);
        bool space = false;
        foreach (var c in t)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString().Trim().Trim(Punctuation);
    }

    static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '-', '–', '—', '|', '•', '·', '*', '/'];

    public static string Email(string s) => (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? s[7..] : s).Trim().ToLowerInvariant();

    public static string Phone(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    public static string Link(string s)
    {
        var u = s.Trim();
        foreach (var p in new[] { "https://", "http://" }) if (u.StartsWith(p, StringComparison.OrdinalIgnoreCase)) u = u[p.Length..];
        if (u.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) u = u[4..];
        u = u.TrimEnd('/');
        int slash = u.IndexOf('/');
        return slash < 0 ? u.ToLowerInvariant() : u[..slash].ToLowerInvariant() + u[slash..];
    }

    /// <summary>Token-set similarity: |A∩B| / max(|A|,|B|) over casefolded word sets.</summary>
    public static double TokenSet(string? a, string? b)
    {
        var x = Tokens(a);
        var y = Tokens(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return (double)x.Intersect(y).Count() / Math.Max(x.Count, y.Count);
    }

    static HashSet<string> Tokens(string? s) =>
        Text(s).Split([' ', ',', '/', '|', '(', ')', '&', '-', '–'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
