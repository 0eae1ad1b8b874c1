using AtsParser.Core.Parsing.Data;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>The maintained skills dictionary (skills.tsv): aliases to normalized names, and prose mention scanning.</summary>
public sealed class SkillDictionary
{
    readonly Dictionary<string, string> _byAlias = new(StringComparer.Ordinal);
    readonly List<string> _names = [];
    // Names by their first two characters, so a line is scanned once per word start rather than once per name.
    // Names (all of three characters or more) by their first three characters, in file order within each list, so a line is
    // scanned once per word start rather than once per name. Two ASCII characters index an array: most word starts are ASCII.
    readonly Dictionary<(char, char), Starts> _byStart = [];
    readonly Starts?[] _byAsciiStart = new Starts?[128 * 128];

    sealed class Starts
    {
        readonly List<string>?[] _ascii = new List<string>?[128];
        readonly Dictionary<char, List<string>> _other = [];

        public void Add(string name)
        {
            char c = name[2];
            var list = c < 128 ? _ascii[c] ??= [] : _other.TryGetValue(c, out var l) ? l : _other[c] = [];
            list.Add(name);
        }

        public List<string>? Third(char c) => c < 128 ? _ascii[c] : _other.GetValueOrDefault(c);
    }

    public SkillDictionary()
    {
        foreach (var row in DataFiles.ReadTsv("skills.tsv"))
        {
            var name = row[0].Trim();
            _names.Add(name);
            if (name.Length > 2)
            {
                if (!_byStart.TryGetValue((name[0], name[1]), out var starts)) _byStart[(name[0], name[1])] = starts = new Starts();
                starts.Add(name);
                if (name[0] < 128 && name[1] < 128) _byAsciiStart[name[0] * 128 + name[1]] = starts;
            }
            _byAlias.TryAdd(Key(name), name);
            if (row.Length > 1)
                foreach (var alias in row[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) _byAlias.TryAdd(Key(alias), name);
        }
    }

    public int Count => _names.Count;

    internal IReadOnlyList<string> Names => _names;

    public string? Normalize(string raw)
    {
        // ASCII (most items): Key is the lower-cased characters other than white space, built here on the stack.
        if (raw.Length <= 256 && System.Text.Ascii.IsValid(raw))
        {
            Span<char> key = stackalloc char[raw.Length];
            int n = 0;
            foreach (var c in raw)
                if (!char.IsWhiteSpace(c)) key[n++] = char.ToLowerInvariant(c);
            return _byAlias.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key[..n], out var name) ? name : null;
        }
        return _byAlias.GetValueOrDefault(Key(raw));
    }

    internal string? NormalizeByKey(string raw) => _byAlias.GetValueOrDefault(Key(raw));

    /// <summary>
    /// Dictionary skills named in prose, matched as printed in the dictionary (case-sensitive, whole words) so "Go" the verb
    /// or "word" never count; one- and two-letter names are left to skills sections.
    /// </summary>
    public IEnumerable<string> Mentions(string line)
    {
        List<string>? found = null;
        for (int at = 0; at < line.Length; at++)
        {
            if (at > 0 && IsWordChar(line[at - 1])) continue;
            if (at + 2 >= line.Length) continue;
            char c0 = line[at], c1 = line[at + 1];
            var names = (c0 < 128 && c1 < 128 ? _byAsciiStart[c0 * 128 + c1] : _byStart.GetValueOrDefault((c0, c1)))?.Third(line[at + 2]);
            if (names is null) continue;
            foreach (var name in names)
            {
                int end = at + name.Length;
                if (end > line.Length || string.CompareOrdinal(line, at, name, 0, name.Length) != 0) continue;
                bool right = end >= line.Length || !IsWordChar(line[end]) || (line[end] == '.' && (end + 1 >= line.Length || !char.IsLetter(line[end + 1])));
                if (right && !(found ??= []).Contains(name)) found.Add(name);
            }
        }
        // Most lines name no skill: no list for them.
        return found ?? (IEnumerable<string>)[];
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '+' or '#' or '_';

    static string Key(string s) => TextNormalizer.Fold(s).Replace(" ", "");
}
