using AtsParser.Api.Parsing.Data;

namespace AtsParser.Api.Parsing.Heuristic;

/// <summary>The maintained skills dictionary (skills.tsv): aliases to normalized names, and prose mention scanning.</summary>
public sealed class SkillDictionary
{
    readonly Dictionary<string, string> _byAlias = new(StringComparer.Ordinal);
    readonly List<string> _names = [];

    public SkillDictionary()
    {
        foreach (var row in DataFiles.ReadTsv("skills.tsv"))
        {
            var name = row[0].Trim();
            _names.Add(name);
            _byAlias.TryAdd(Key(name), name);
            if (row.Length > 1)
                foreach (var alias in row[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) _byAlias.TryAdd(Key(alias), name);
        }
    }

    public int Count => _names.Count;

    public string? Normalize(string raw) => _byAlias.GetValueOrDefault(Key(raw));

    /// <summary>
    /// Dictionary skills named in prose, matched as printed in the dictionary (case-sensitive, whole words) so "Go" the verb
    /// or "word" never count; one- and two-letter names are left to skills sections.
    /// </summary>
    public IEnumerable<string> Mentions(string line)
    {
        foreach (var name in _names)
        {
            if (name.Length <= 2) continue;
            int at = line.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                bool left = at == 0 || !IsWordChar(line[at - 1]);
                int end = at + name.Length;
                bool right = end >= line.Length || !IsWordChar(line[end]) || (line[end] == '.' && (end + 1 >= line.Length || !char.IsLetter(line[end + 1])));
                if (left && right) { yield return name; break; }
                at = line.IndexOf(name, at + 1, StringComparison.Ordinal);
            }
        }
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '+' or '#' or '_';

    static string Key(string s) => TextNormalizer.Fold(s).Replace(" ", "");
}
