using System.Text.RegularExpressions;
using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Spoken language names (languages.tsv) and the level printed next to them.</summary>
public static partial class SpokenLanguages
{
    static readonly (string Code, string Folded, bool AnyPosition)[] Names = DataFiles.ReadTsv("languages.tsv")
        .SelectMany(r => r[1].Split('|').Select(n => (Code: r[0], Folded: TextNormalizer.Fold(n))))
        .Select(x => (x.Code, x.Folded, x.Folded.Any(c => NameExtractor.IsCjk(c) || c > '\u0590')))
        .OrderByDescending(x => x.Folded.Length).ToArray();

    // Each name's rank in Names, grouped by first letter, names that may stand anywhere (CJK, Hebrew...) apart from those
    // that must start a word: Find looks up the names that start at each position instead of searching for all 200.
    static readonly Dictionary<char, int[]> AnywhereByFirst = ByFirst(anyPosition: true), WordStartByFirst = ByFirst(anyPosition: false);

    static Dictionary<char, int[]> ByFirst(bool anyPosition) => Enumerable.Range(0, Names.Length)
        .Where(k => Names[k].AnyPosition == anyPosition && Names[k].Folded.Length > 0)
        .GroupBy(k => Names[k].Folded[0])
        .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The first spoken language named in an item, with its position; programming languages are not in the table.</summary>
    public static (string Code, int Index, int Length)? Find(string item)
    {
        var folded = TextNormalizer.Fold(item);
        if (folded.Length != item.Length) folded = item.ToLowerInvariant();
        // The longest name (first in Names) wins, at its leftmost place where it stands as a word.
        int best = int.MaxValue, bestAt = -1;
        for (int at = 0; at < folded.Length; at++)
        {
            if (AnywhereByFirst.TryGetValue(folded[at], out var anywhere)) best = Earlier(anywhere, folded, at, wordOnly: false, best, ref bestAt);
            if ((at == 0 || !char.IsLetter(folded[at - 1])) && WordStartByFirst.TryGetValue(folded[at], out var words))
                best = Earlier(words, folded, at, wordOnly: true, best, ref bestAt);
        }
        return best == int.MaxValue ? null : (Names[best].Code, bestAt, Names[best].Folded.Length);
    }

    static int Earlier(int[] ranks, string folded, int at, bool wordOnly, int best, ref int bestAt)
    {
        foreach (var k in ranks)
        {
            if (k >= best) break;
            var n = Names[k].Folded;
            if (!folded.AsSpan(at).StartsWith(n, StringComparison.Ordinal)) continue;
            if (wordOnly && at + n.Length < folded.Length && char.IsLetter(folded[at + n.Length])) continue;
            bestAt = at;
            return k;
        }
        return best;
    }

    public static SpokenLanguage? Parse(string item)
    {
        var t = item.Trim().Trim('•', '-', '*', '·', ',', ';', '.', ' ');
        if (t.Length == 0 || t.Length > 80 || Find(t) is not { } hit) return null;
        // "English (Native)" and "英语 - 熟练" keep the level as printed; "Fluent in Spanish" or "English Proficient" do not.
        var tail = t[(hit.Index + hit.Length)..];
        var attached = AttachedLevel().Match(tail);
        var raw = t.Substring(hit.Index, hit.Length) + (attached.Success ? attached.Value.TrimEnd() : "");
        var level = attached.Success ? attached.Groups["l"].Value.Trim() : Rest(t, hit.Index, hit.Length);
        var cefr = Cefr().Match(t);
        return new SpokenLanguage(t.Substring(hit.Index, hit.Length), hit.Code, level.Length > 0 ? level : null, cefr.Success ? cefr.Value.ToUpperInvariant() : null)
        {
            Raw = raw,
        };
    }

    /// <summary>
    /// An item that is a spoken language and its level and nothing else: "Englisch (fließend)", "French – fluent",
    /// "Spanish: B2". Such an item is a language wherever it is listed, also in a line of skills ("SolidWorks, CATIA,
    /// Englisch (fließend)") that holds too few languages to be a language line.
    /// </summary>
    public static bool IsLanguageWithLevel(string item)
    {
        var t = item.Trim().Trim('•', '-', '*', '·', ',', ';', '.', ' ');
        if (t.Length == 0 || t.Length > 60 || Find(t) is not { Index: 0 } hit) return false;
        var tail = t[hit.Length..];
        if (tail.Length == 0) return false;
        var attached = AttachedLevel().Match(tail);
        if (attached.Success) return attached.Length == tail.Length || tail[attached.Length..].Trim().Length == 0;
        // "Spanish: B2", "German: basic": a colon and one or two words, no list inside.
        var rest = tail.TrimStart();
        if (rest.Length < 2 || rest[0] is not (':' or '：')) return false;
        rest = rest[1..].Trim();
        return rest.Length is > 0 and <= 20 && rest.IndexOfAny([',', ';', '/', '|']) < 0 && rest.Count(c => c == ' ') <= 1 && !char.IsDigit(rest[0]) || Cefr().IsMatch(rest) && rest.Length <= 3;
    }

    static string Rest(string t, int index, int length)
    {
        var rest = (t[..index] + " " + t[(index + length)..]).Trim();
        rest = Connectives().Replace(rest, "").Trim(' ', ':', '-', '–', '(', ')', '.');
        return rest.Length <= 40 ? rest : "";
    }

    [GeneratedRegex(@"^\s*(?:\((?<l>[^()]{1,40})\)|[-–]\s*(?<l>[^\s()]{1,20}))")]
    private static partial Regex AttachedLevel();

    [GeneratedRegex(@"(?<![A-Za-z])[ABCabc][12](?![0-9A-Za-z])")]
    private static partial Regex Cefr();

    [GeneratedRegex(@"^(?:in|en|em)\s+|\s+(?:in|en|em)$|^[:\-–(]+|[)\-–:]+$", RegexOptions.IgnoreCase)]
    private static partial Regex Connectives();
}
