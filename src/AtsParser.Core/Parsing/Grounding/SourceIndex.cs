using System.Globalization;
using System.Text;
using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing.Compaction;

namespace AtsParser.Core.Parsing.Grounding;

/// <summary>
/// The source text (and the document's link targets) in the forms values are checked against: folded text
/// (compatibility forms, accents, case, dashes, quotes and whitespace normalised), the same with only letters
/// and digits, lower-cased text for e-mails and URLs, digit runs for phones, and the set of words.
/// </summary>
public sealed class SourceIndex
{
    readonly string _folded, _alnum, _lower;
    readonly List<string> _phoneDigits;
    readonly HashSet<string> _words;
    readonly (string Line, string Folded)[] _lines;

    public SourceIndex(string text, IEnumerable<string> links)
    {
        var all = text + "\n" + string.Join("\n", links);
        _folded = Fold(all);
        _alnum = AlnumOnly(_folded);
        _lower = UrlForm(all);
        _phoneDigits = LinePatterns.PhoneRegex().Matches(all).Select(m => Digits(m.Value)).Where(d => d.Length >= 6).ToList();
        _words = Words(_folded).ToHashSet();
        _lines = text.Split('\n', '\f').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (l, Fold(l))).ToArray();
    }

    /// <summary>The source lines (at most two) that contain the given values: the evidence quote of an entry.</summary>
    public string? Quote(params string?[] values)
    {
        var quoted = new List<string>();
        foreach (var v in values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Fold(v!)))
            foreach (var (line, folded) in _lines)
                if (folded.Contains(v, StringComparison.Ordinal))
                {
                    if (!quoted.Contains(line)) quoted.Add(line);
                    break;
                }
        return quoted.Count == 0 ? null : string.Join("\n", quoted.Take(2).Select(l => l.Length > 300 ? l[..300] : l));
    }

    /// <summary>A short value (name, employer, title, date, skill): a substring of the folded text, or, ignoring spaces and punctuation, of the source's letters and digits.</summary>
    public bool ContainsText(string value)
    {
        var v = Fold(value);
        if (v.Length == 0) return false;
        if (_folded.Contains(v, StringComparison.Ordinal)) return true;
        var a = AlnumOnly(v);
        return a.Length >= 6 && _alnum.Contains(a, StringComparison.Ordinal);
    }

    /// <summary>Prose (highlights, summary): the model may rejoin hyphenated or wrapped lines, so 80% of its words must occur in the source.</summary>
    public bool ContainsProse(string value)
    {
        if (ContainsText(value)) return true;
        var words = Words(Fold(value)).Where(w => w.Length >= 3).ToList();
        return words.Count > 0 && words.Count(_words.Contains) >= 0.8 * words.Count;
    }

    public bool ContainsEmail(string email)
    {
        var e = email.Trim().ToLowerInvariant();
        if (e.StartsWith("mailto:", StringComparison.Ordinal)) e = e[7..];
        return e.Contains('@') && _lower.Contains(e, StringComparison.Ordinal);
    }

    /// <summary>Digits only. The printed number may carry a country code the answer leaves out, or the reverse, if 7+ digits still match.</summary>
    public bool ContainsPhone(string phone)
    {
        var d = Digits(phone);
        if (d.Length < 6) return false;
        return _phoneDigits.Any(p => p == d || (Math.Min(p.Length, d.Length) >= 7 && (p.EndsWith(d, StringComparison.Ordinal) || d.EndsWith(p, StringComparison.Ordinal))));
    }

    public bool ContainsUrl(string url)
    {
        var u = UrlForm(url).Trim();
        foreach (var prefix in (string[])["https://", "http://"]) if (u.StartsWith(prefix, StringComparison.Ordinal)) u = u[prefix.Length..];
        if (u.StartsWith("www.", StringComparison.Ordinal)) u = u[4..];
        u = u.TrimEnd('/');
        return u.Length >= 4 && _lower.Contains(u, StringComparison.Ordinal);
    }

    public bool ContainsWord(string word) => _words.Contains(Fold(word));

    static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>
    /// The source's own span from <paramref name="first"/> to <paramref name="second"/> where they are printed together on
    /// one line with only a separator between them ("Englisch (B2)", "English - Fluent", "英语 - 熟练"), closing bracket
    /// included; null when they are not printed that way.
    /// </summary>
    public string? Attached(string first, string second)
    {
        foreach (var (line, _) in _lines)
        {
            int i = Compare.IndexOf(line, first.Trim(), Loose, out int len1);
            if (i < 0) continue;
            int from = i + len1;
            int j = Compare.IndexOf(line.AsSpan(from), second.Trim(), Loose, out int len2);
            if (j >= 0) j += from;
            if (j < 0 || j - from > 4 || line[from..j].Any(char.IsLetterOrDigit)) continue;
            int end = j + len2;
            if (end < line.Length && line[end] is ')' or ']' && line[from..j].Contains(line[end] == ')' ? '(' : '[')) end++;
            return line[i..end];
        }
        return null;
    }

    /// <summary>Compatibility forms (ligatures, full-width), no accents, lower case, unified dashes and quotes, single spaces.</summary>
    public static string Fold(string s)
    {
        var d = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(d.Length);
        bool space = false;
        foreach (var ch in d)
        {
            var c = ch;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF') continue;
            if (c is (>= '\u2010' and <= '\u2015') or '\u2212') c = '-';
            else if (c is '\u2018' or '\u2019' or '\u02BC' or '`') c = '\'';
            else if (c is '\u201C' or '\u201D') c = '"';
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    static string AlnumOnly(string folded) => new(folded.Where(char.IsLetterOrDigit).ToArray());

    static string UrlForm(string s) => new(s.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c != '\u00AD').ToArray());

    static IEnumerable<string> Words(string folded) => folded.Split(' ', ',', '.', ';', ':', '(', ')', '[', ']', '/', '|', '"', '!', '?', '-', '•', '·')
        .Where(w => w.Length > 0);
}
