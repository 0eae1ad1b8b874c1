using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

// Code rewritten to allocate less (spans instead of substrings, one pass instead of Split and LINQ) must give what the
// code it replaced gave: each is compared with a copy of the old code on hand-made lines and on many generated ones.
public class AllocationFastPathTests
{
    static readonly string[] Pieces =
    [
        ",", ";", "|", "•", "●", "▪", "·", "，", "、", "；", " > ", " < ", " == ", "=", "   ", "    ", " ", "  ", "\t", "\u00A0", "\u2003",
        "(", ")", "[", "]", "{", "}", ".", ":", "-", "–", "*", "'", "and", "and ", " and", "And", "of", "B.S.", "b.sc.", "m.sc", "sc.", "ph.d.",
        "Python", "C++", "C#", "CI/CD", "Node.js", "Java", "Go", "SQL", "Power BI", "MS Office", "Bachelor", "Master", "Science", "Lic.",
        "Diplom-Ingenieur", "Ingeniería", "学士", "תואר", "é", "ß", "x", "7", "2019", "A", "ab", "abc.",
    ];

    static IEnumerable<string> Generated(int seed)
    {
        var random = new Random(seed);
        for (int n = 0; n < 4000; n++)
        {
            var parts = new string[random.Next(1, 10)];
            for (int k = 0; k < parts.Length; k++) parts[k] = Pieces[random.Next(Pieces.Length)];
            yield return string.Concat(parts.Select((p, k) => k > 0 && random.Next(3) == 0 ? " " + p : p));
        }
    }

    static readonly string[] Handmade =
    [
        "", " ", "Python, Java and Go", "and SQL", "Excel (Pivot, VLOOKUP); Word", "C == Python > C++", "a   b", ".:-", "• Docker •",
        "Lean Six Sigma.", "x, , y", "(unclosed, a", "a) b, c", "Project Management and", "   ", "Teamwork\t,\tLeadership",
    ];

    static IEnumerable<string> All(int seed) => Handmade.Concat(Generated(seed));

    [Fact]
    public void List_items_are_the_items_the_substring_code_gave()
    {
        int items = 0;
        foreach (var s in All(21))
        {
            var expected = OldSplit(s);
            ListItems.Split(s).Should().Equal(expected, $"the items of \"{s}\"");
            items += expected.Count;
        }
        items.Should().BeGreaterThan(4000, "the inputs must exercise the splitting");
    }

    [Fact]
    public void Degree_tokens_are_what_split_and_join_gave()
    {
        foreach (var s in All(22).Select(x => x.ToLowerInvariant()))
        {
            DegreeLevelClassifier.Tokenise(s).Should().Be(OldTokenise(s), $"the tokens of \"{s}\"");
            DegreeLevelClassifier.Tokenise(s, padded: true).Should().Be(" " + OldTokenise(s) + " ");
        }
    }

    [Fact]
    public void Word_counts_and_collapsed_spans_are_what_split_and_the_string_code_give()
    {
        foreach (var s in All(23))
        {
            TextNormalizer.WordCount(s).Should().Be(s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, $"the words of \"{s}\"");
            TextNormalizer.SpaceParts(s).Should().Be(s.Split(' ').Length, $"the parts of \"{s}\"");
            TextNormalizer.CollapseWhitespace(s.AsSpan()).ToString().Should().Be(TextNormalizer.CollapseWhitespace(s));
        }
    }

    [Fact]
    public void A_line_the_cell_test_passes_over_is_one_cell()
    {
        int tables = 0;
        foreach (var s in All(26).Concat(ParserFastPathTests.Generated()))
        {
            if (TableColumns.Cells(s).Length < 2) continue;
            tables++;
            TableColumns.MayHoldCells(s).Should().BeTrue($"\"{s}\" splits into cells");
        }
        tables.Should().BeGreaterThan(1000, "the inputs must exercise the cell separator");
    }

    [Fact]
    public void A_skill_looked_up_on_the_stack_is_the_skill_the_folded_key_finds()
    {
        var dictionary = new SkillDictionary();
        int found = 0;
        var inputs = dictionary.Names.SelectMany(n => new[] { n, n.ToUpperInvariant(), n.Replace(" ", "  "), " " + n + "\t", n.Replace(' ', '\u00A0') })
            .Concat(All(24)).Concat(ListItems.Split(string.Join(", ", Generated(25))));
        foreach (var s in inputs)
        {
            var expected = dictionary.NormalizeByKey(s);
            dictionary.Normalize(s).Should().Be(expected, $"the skill of \"{s}\"");
            if (expected is not null) found++;
        }
        found.Should().BeGreaterThan(dictionary.Count, "the inputs must name skills");
    }

    [Fact]
    public void A_line_without_a_skill_gives_no_mentions_and_a_line_with_skills_gives_each_once()
    {
        var dictionary = new SkillDictionary();
        dictionary.Mentions("nothing here at all").Should().BeEmpty();
        dictionary.Mentions("Python and Docker, then Python again").Should().Equal("Python", "Docker");
    }

    // The code before the allocation work, kept to compare with.
    static List<string> OldSplit(string line)
    {
        var items = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && OldIsSeparator(line, i, out int width))
            {
                items.Add(line[start..i]);
                start = i + width;
                i = start - 1;
            }
        }
        items.Add(line[start..]);
        return items.Select(OldClean).Where(x => x.Any(char.IsLetterOrDigit)).ToList();
    }

    static bool OldIsSeparator(string s, int i, out int width)
    {
        width = 1;
        char c = s[i];
        if (c is ',' or ';' or '|' or '•' or '●' or '▪' or '·' or '，' or '、' or '；') return true;
        if ((c is '>' or '<') && i > 0 && s[i - 1] == ' ' && i + 1 < s.Length && s[i + 1] == ' ') return true;
        if (c == '=' && i + 1 < s.Length && s[i + 1] == '=' && i > 0 && s[i - 1] == ' ') { width = 2; return true; }
        if (c == ' ' && i + 2 < s.Length && s[i + 1] == ' ' && s[i + 2] == ' ') { width = 3; while (i + width < s.Length && s[i + width] == ' ') width++; return true; }
        return false;
    }

    static string OldClean(string item)
    {
        var t = item.Trim().Trim('.', ':', '-', '–', '*', '•', ' ');
        t = TextNormalizer.CollapseWhitespace(t);
        if (t.EndsWith(" and", StringComparison.Ordinal)) t = t[..^4];
        if (t.StartsWith("and ", StringComparison.Ordinal)) t = t[4..];
        return t.Trim();
    }

    static string OldTokenise(string s)
    {
        var chars = s.Select(c => char.IsLetterOrDigit(c) || c is '.' or '\'' or '-' ? c : ' ').ToArray();
        var t = new string(chars);
        return string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length > 2 && w.EndsWith('.') && w.Count(c => c == '.') == 1 ? w.TrimEnd('.') : w));
    }
}
