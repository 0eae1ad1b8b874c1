using System.Globalization;
using System.Text;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Open occupational data (see Data/NOTICE.md): ESCO occupation labels and their head words, Hipo university names and
/// GLEIF legal-form abbreviations. Loaded once, on first use; lookups fold into a stack buffer and probe the sets through
/// span lookups, so scoring a fragment allocates nothing.
/// </summary>
public static class OpenVocabulary
{
    sealed class Sets
    {
        public readonly HashSet<string> Titles = new(StringComparer.Ordinal);
        public readonly HashSet<string> Heads = new(StringComparer.Ordinal);
        public readonly HashSet<string> Universities = new(StringComparer.Ordinal);
        // Legal forms without dots, folded ("sa", "pvt ltd", "gmbh"); two-letter ones must be printed in capitals.
        public readonly HashSet<string> LegalForms = new(StringComparer.Ordinal);
    }

    // Latin letters with accents → their base letter ("é" → "e", "ß" stays), computed once.
    static readonly char[] BaseLetters = Enumerable.Range(0xC0, 0x250 - 0xC0)
        .Select(c => ((char)c).ToString().Normalize(NormalizationForm.FormD)[0]).ToArray();

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonShortForms =
        new HashSet<string>(["inc", "ltd", "llc", "plc", "llp", "lp", "ag", "kg", "bv", "nv", "ab", "oy", "sa", "srl", "sl", "spa", "pty", "pvt", "lda"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    static readonly Lazy<Sets> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Forces the load (start-up warm-up, load-time measurement).</summary>
    public static int Warm() => Data.Value.Titles.Count + Data.Value.Universities.Count + Data.Value.LegalForms.Count;

    static Sets Load()
    {
        var s = new Sets();
        foreach (var r in DataFiles.ReadTsv("job-titles.tsv")) if (r.Length >= 2) s.Titles.Add(Key(r[1]));
        foreach (var r in DataFiles.ReadTsv("title-heads.tsv")) if (r.Length >= 2) s.Heads.Add(Key(r[1]));
        foreach (var r in DataFiles.ReadTsv("universities.tsv")) if (r.Length >= 2) s.Universities.Add(Key(r[1]));
        foreach (var r in DataFiles.ReadTsv("legal-forms.tsv")) if (r.Length >= 2) AddLegalForm(s, r[1]);
        foreach (var f in MissingLegalForms) AddLegalForm(s, f);
        return s;
    }

    // Common forms the GLEIF list lacks in the copy we build from (Portuguese "Lda.").
    static readonly string[] MissingLegalForms = ["Lda.", "Lda", "S.L.U."];

    /// <summary>"S. A. de C. V." is printed "S.A. de C.V." as often: single letters are also stored run together.</summary>
    static void AddLegalForm(Sets s, string form)
    {
        var key = Key(form);
        s.LegalForms.Add(key);
        var words = key.Split(' ');
        if (words.Count(w => w.Length == 1) < 2) return;
        var joined = new List<string>();
        bool run = false;
        foreach (var w in words)
        {
            if (w.Length == 1 && run) joined[^1] += w;
            else joined.Add(w);
            run = w.Length == 1;
        }
        s.LegalForms.Add(string.Join(' ', joined));
    }


    /// <summary>Folded, dotless, punctuation-as-space form: "Pvt. Ltd." → "pvt ltd", "Universität Wien" → "universitat wien".</summary>
    public static string Key(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length * 2 + 4] : new char[text.Length * 2 + 4];
        return new string(buffer[..KeyInto(text, buffer)]);
    }

    static int KeyInto(ReadOnlySpan<char> text, Span<char> into)
    {
        int n = 0;
        bool space = false;
        foreach (var raw in text)
        {
            char c = raw;
            if (c is '.' or '\'' or '’') continue;
            if (c is >= '\u00C0' and <= '\u024F') c = BaseLetters[c - 0xC0];
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (!char.IsLetterOrDigit(c) && c != '&' && c != '+' && c != '#') { space = n > 0; continue; }
            if (n >= into.Length - 1) break;
            if (space) { into[n++] = ' '; space = false; }
            into[n++] = char.ToLowerInvariant(c);
        }
        return n;
    }

    /// <summary>The fragment is an occupation label, or ends (EN) or starts (FR/ES) with one of two or more words.</summary>
    public static bool HasKnownTitle(string fragment)
    {
        var sets = Data.Value;
        Span<char> buffer = stackalloc char[Math.Min(fragment.Length, 200) * 2 + 4];
        var key = buffer[..KeyInto(fragment.Length > 200 ? fragment[..200] : fragment, buffer)];
        var lookup = sets.Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (key.Length == 0) return false;
        if (lookup.Contains(key)) return true;
        // Word boundaries: suffixes ("senior software engineer" → "software engineer") and prefixes.
        int words = 0;
        for (int i = 0; i < key.Length; i++)
        {
            if (key[i] != ' ') continue;
            words++;
            var suffix = key[(i + 1)..];
            var prefix = key[..i];
            if (suffix.Contains(' ') && lookup.Contains(suffix)) return true;
            if (words >= 2 && lookup.Contains(prefix)) return true;
        }
        return false;
    }

    public static bool IsTitleHead(ReadOnlySpan<char> foldedWord) => Data.Value.Heads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(foldedWord);

    public static bool IsUniversity(string fragment)
    {
        var key = Key(fragment);
        var set = Data.Value.Universities;
        return set.Contains(key) || (key.StartsWith("the ", StringComparison.Ordinal) && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key.AsSpan(4)));
    }

    /// <summary>"Acme Pvt. Ltd.", "Nordlicht GmbH", "Telefónica S.A.", "Volvo AB": ends with a registered legal form.</summary>
    public static bool EndsWithLegalForm(string fragment) => LegalFormStrength(fragment) > 0;

    /// <summary>
    /// The text's final full stop is part of a legal form: "Calant Consultores S.A. de C.V.", "Nordlicht Ltda.", "Müller
    /// GbR.". Not "…reporting in Python and Power BI.": a bare capitalised pair of letters ("BI" is a Lithuanian form)
    /// that is no common company suffix and has no dot of its own ends a sentence there, as in any duty line.
    /// </summary>
    public static bool FullStopOfLegalForm(string text)
    {
        var t = text.TrimEnd();
        if (!t.EndsWith('.')) return false;
        if (LegalFormStrength(t[..^1]) >= 2) return true;
        int space = t.LastIndexOf(' ');
        int letters = 0;
        foreach (var c in t.AsSpan(space + 1)) if (char.IsLetter(c)) letters++;
        return letters >= 3 && EndsWithLegalForm(t);
    }

    /// <summary>2 for a legal form of four letters or more or printed with dots ("GmbH", "S.A."); 1 for a bare short
    /// acronym ("SAS", "SAP", "AG"), which is as often a product or a skill as a company suffix.</summary>
    public static int LegalFormStrength(string fragment)
    {
        var t = fragment.TrimEnd(' ', ',', ')');
        if (t.Length < 4) return 0;
        var lookup = Data.Value.LegalForms.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[96];
        int start = t.Length;
        for (int words = 1; words <= 4; words++)
        {
            int space = start > 0 ? t.LastIndexOf(' ', start - 1) : -1;
            // The whole fragment is never its own legal form: "GmbH" alone is not an employer.
            if (space < 0) break;
            var tail = t.AsSpan(space + 1);
            if (tail.Length > 40) break;
            int n = KeyInto(tail, buffer);
            // Two letters ("AG", "SA", "AB") count only in capitals, never "as" or "ab" ending a phrase.
            if (n > 0 && lookup.Contains(buffer[..n]) && (n > 2 || IsCapitalForm(tail)))
                return n > 3 || tail.Contains('.') || tail.Contains(' ') || CommonShortForms.Contains(buffer[..n]) ? 2 : 1;
            start = space;
        }
        return 0;
    }

    /// <summary>The whole text is a legal form ("Inc.", "GmbH", "S.A.").</summary>
    public static bool IsLegalForm(string text)
    {
        var t = text.Trim();
        if (t.Length is < 2 or > 40) return false;
        var key = Key(t);
        return Data.Value.LegalForms.Contains(key) && (key.Length > 2 || IsCapitalForm(t));
    }

    static bool IsCapitalForm(ReadOnlySpan<char> tail)
    {
        foreach (var c in tail) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }
}
