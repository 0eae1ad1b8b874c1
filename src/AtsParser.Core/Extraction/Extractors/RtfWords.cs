using System.Collections.Concurrent;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>The RTF control words the reader acts on, font charsets as code pages, and HYPERLINK field targets.</summary>
static class RtfWords
{
    public enum Kind : byte
    {
        None, Char, Par, Tab, Cell, Row, NestCell, NestRow, TableRow, Font, Charset, FontCodePage, AnsiCodePage,
        DefaultFont, Plain, Uc, U, Bin, Skip, FontTable, FieldInst, FieldResult, ShapeInst, ShapeText, Header, Footer, Info, InfoField,
    }

    public readonly record struct Word(Kind Kind, char Char = '\0', int CodePage = 0);

    static readonly Dictionary<string, Word> All = Build();
    public static readonly Dictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Lookup = All.GetAlternateLookup<ReadOnlySpan<char>>();

    static Dictionary<string, Word> Build()
    {
        var d = new Dictionary<string, Word>(StringComparer.Ordinal)
        {
            ["par"] = new(Kind.Par), ["sect"] = new(Kind.Par), ["page"] = new(Kind.Par), ["line"] = new(Kind.Par),
            ["tab"] = new(Kind.Tab), ["cell"] = new(Kind.Cell), ["row"] = new(Kind.Row), ["trowd"] = new(Kind.TableRow),
            ["nestcell"] = new(Kind.NestCell), ["nestrow"] = new(Kind.NestRow),
            ["emdash"] = new(Kind.Char, '—'), ["endash"] = new(Kind.Char, '–'), ["bullet"] = new(Kind.Char, '•'),
            ["lquote"] = new(Kind.Char, '‘'), ["rquote"] = new(Kind.Char, '’'), ["ldblquote"] = new(Kind.Char, '“'),
            ["rdblquote"] = new(Kind.Char, '”'), ["emspace"] = new(Kind.Char, ' '), ["enspace"] = new(Kind.Char, ' '),
            ["qmspace"] = new(Kind.Char, ' '),
            ["f"] = new(Kind.Font), ["fcharset"] = new(Kind.Charset), ["cpg"] = new(Kind.FontCodePage),
            ["ansicpg"] = new(Kind.AnsiCodePage), ["ansi"] = new(Kind.AnsiCodePage, CodePage: 1252),
            ["mac"] = new(Kind.AnsiCodePage, CodePage: 10000), ["pc"] = new(Kind.AnsiCodePage, CodePage: 437),
            ["pca"] = new(Kind.AnsiCodePage, CodePage: 850), ["deff"] = new(Kind.DefaultFont), ["plain"] = new(Kind.Plain),
            ["uc"] = new(Kind.Uc), ["u"] = new(Kind.U), ["bin"] = new(Kind.Bin),
            ["fonttbl"] = new(Kind.FontTable), ["fldinst"] = new(Kind.FieldInst), ["fldrslt"] = new(Kind.FieldResult), ["shpinst"] = new(Kind.ShapeInst),
            ["shptxt"] = new(Kind.ShapeText),
            // {\info {\title ...}{\author ...}{\operator ...}}: metadata, read apart from the text as hints.
            ["info"] = new(Kind.Info), ["title"] = new(Kind.InfoField, 't'), ["author"] = new(Kind.InfoField, 'a'), ["operator"] = new(Kind.InfoField, 'o'),
        };
        // Groups whose text is not part of the document: tables of fonts, colours and styles, metadata, pictures,
        // embedded objects, shape properties and fallback renderings, footnotes and comments, revision data.
        foreach (var w in new[]
        {
            "colortbl", "stylesheet", "pict", "objdata", "objclass", "objname", "listtable", "listoverridetable",
            "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore", "latentstyles",
            "pgdsctbl", "revtbl", "filetbl", "mmathPr", "footnote", "annotation", "atnid", "atnauthor", "bkmkstart",
            "bkmkend", "sp", "shprslt", "nonshppict", "fldtype", "template", "userprops", "docvar", "listpicture",
            "pn", "pnseclvl", "xe", "tc", "txe", "do", "falt", "panose", "fname", "wgrffmtfilter", "ftnsep",
            "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "protusertbl", "passwordhash",
        })
            d[w] = new(Kind.Skip);
        foreach (var w in new[] { "header", "headerl", "headerr", "headerf" }) d[w] = new(Kind.Header);
        foreach (var w in new[] { "footer", "footerl", "footerr", "footerf" }) d[w] = new(Kind.Footer);
        return d;
    }

    /// <summary>Windows code page of an RTF \fcharset; 2 is the Symbol font (its bullets are mapped by hand).</summary>
    public static int CodePageOfCharset(int charset, int ansiCodePage) => charset switch
    {
        0 => 1252, 1 => ansiCodePage, 2 => SymbolCodePage, 77 => 10000, 128 => 932, 129 => 949, 130 => 1361,
        134 => 936, 136 => 950, 161 => 1253, 162 => 1254, 163 => 1258, 177 => 1255, 178 => 1256, 186 => 1257,
        204 => 1251, 222 => 874, 238 => 1250, 254 => 437, 255 => 850, _ => ansiCodePage,
    };

    public const int SymbolCodePage = -2;

    static readonly ConcurrentDictionary<int, Encoding> Encodings = new();

    static RtfWords() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingOf(int codePage) => Encodings.GetOrAdd(codePage, static cp =>
    {
        try { return Encoding.GetEncoding(cp <= 0 ? 1252 : cp); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) { return Encoding.GetEncoding(1252); }
    });

    /// <summary>Symbol and Wingdings glyphs (bytes in a Symbol font, U+F0xx private-use code points) are bullets in resumes.</summary>
    public static char SymbolGlyph(int c) => c switch { 0xA7 or 0xF0A7 => '▪', _ => '•' };

    public static bool IsSymbolPrivateUse(int c) => c is >= 0xF020 and <= 0xF0FF;

    /// <summary>The target of a `HYPERLINK "url"` field instruction, when it points outside the document.</summary>
    public static string? HyperlinkTarget(string instruction)
    {
        var tokens = Tokens(instruction);
        if (tokens.Count < 2 || !tokens[0].Equals("HYPERLINK", StringComparison.OrdinalIgnoreCase)) return null;
        for (int i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.StartsWith('\\'))
            {
                if (t is "\\l" or "\\o" or "\\t") i++; // anchor, tooltip and frame take an argument
                continue;
            }
            return t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || t.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                ? t : null;
        }
        return null;
    }

    static List<string> Tokens(string s)
    {
        var tokens = new List<string>();
        for (int i = 0; i < s.Length && tokens.Count < 16;)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            int end;
            if (s[i] == '"') { end = s.IndexOf('"', i + 1); if (end < 0) end = s.Length; tokens.Add(s[(i + 1)..end]); i = end + 1; continue; }
            end = i;
            while (end < s.Length && !char.IsWhiteSpace(s[end])) end++;
            tokens.Add(s[i..end]);
            i = end;
        }
        return tokens;
    }
}
