using System.Text.RegularExpressions;

namespace AtsParser.Core.Extraction;

/// <summary>
/// A hyphen at the end of a line (OCR text, PDF text layers): the line goes on, so the two lines are joined.
/// The hyphen is dropped only where it is typesetting ("develop-\nment"): a word of letters broken before a
/// lower-case letter. It stays where it is part of the text: digits ("2015-\n2018", a phone number), a capital
/// after it ("Software-\nEntwickler", "COVID-\n19"), a hyphenated compound ("end-\nto-end", "full-\nstack").
/// A compound is known from the document itself first (the joined word or the hyphenated form printed
/// elsewhere), then from the short closed lists below of the halves English resumes hyphenate; anything else is
/// typesetting, the common case in justified text. A lone dash ("Jan 2019 -\nPresent") joins as " - ".
/// </summary>
public static partial class Hyphenation
{
    // "self-motivated", "e-mail", "co-founder", "non-profit", "in-house", "hands-on" ...
    static readonly HashSet<string> CompoundHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "self", "well", "full", "part", "cross", "high", "low", "long", "short", "real", "front", "back", "hands", "non",
        "multi", "co", "e", "ex", "pre", "post", "anti", "semi", "mid", "one", "two", "three", "first", "second", "third",
        "top", "fast", "open", "world", "award", "goal", "team", "detail", "results", "customer", "client", "user", "cost",
        "time", "data", "problem", "decision", "state", "next", "on", "off", "hard", "soft", "bi", "tri", "sub", "t", "x",
    };

    static readonly HashSet<string> CompoundTails = new(StringComparer.OrdinalIgnoreCase)
    {
        "oriented", "driven", "based", "focused", "motivated", "solving", "making", "level", "time", "term", "stack",
        "end", "functional", "facing", "related", "specific", "friendly", "known", "ready", "wide", "scale", "house",
        "site", "on", "off", "up", "class", "edge", "winning", "quality", "paced", "starter", "founder", "mail",
        "commerce", "learning", "sighted", "minded", "depth", "person", "hoc", "profit", "employed",
    };

    public static string JoinLineEnds(string text)
    {
        int at = text.IndexOf("-\n", StringComparison.Ordinal);
        if (at < 0) return text;
        HashSet<string>? words = null;
        var sb = new System.Text.StringBuilder(text.Length);
        int copied = 0;
        for (; at >= 0; at = text.IndexOf("-\n", at + 2, StringComparison.Ordinal))
        {
            int rightEnd = at + 2;
            while (rightEnd < text.Length && rightEnd - at < 100 && !char.IsWhiteSpace(text[rightEnd])) rightEnd++;
            int leftStart = at;
            while (leftStart > copied && at - leftStart < 100 && !char.IsWhiteSpace(text[leftStart - 1])) leftStart--;
            var left = text[leftStart..at];
            var right = text[(at + 2)..rightEnd];
            if (right.Length == 0 || !char.IsLetterOrDigit(right[0])) continue;
            string join;
            if (left.Length == 0)
            {
                // A lone dash between two words on two lines: "Jan 2019 -" / "Present".
                if (at == 0 || text[at - 1] is not (' ' or '\t')) continue;
                join = "- ";
            }
            else if (!char.IsLetterOrDigit(left[^1])) continue;
            else join = DropsHyphen(left, right, words ??= Words(text)) ? "" : "-";
            sb.Append(text, copied, at - copied).Append(join);
            copied = at + 2;
        }
        if (copied == 0) return text;
        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    static bool DropsHyphen(string left, string right, HashSet<string> words)
    {
        if (left.Contains('-') || !EndsInWord(left) || !char.IsLower(right[0])) return false;
        var tail = TrailingPunctuation().Replace(right, "");
        if (tail.Contains('-') || tail.Length == 0 || !tail.All(char.IsLetter)) return false;
        var head = LastWord(left);
        if (words.Contains((head + tail).ToLowerInvariant())) return true;
        if (words.Contains((head + "-" + tail).ToLowerInvariant())) return false;
        return !CompoundHeads.Contains(head) && !CompoundTails.Contains(tail);
    }

    // The left side may carry a prefix the regex kept ("(develop"): the word is its trailing letters.
    static string LastWord(string left)
    {
        int i = left.Length;
        while (i > 0 && char.IsLetter(left[i - 1])) i--;
        return left[i..];
    }

    // "develop", "(develop": letters, after nothing or punctuation (not "ab12cd").
    static bool EndsInWord(string s)
    {
        int letters = 0;
        for (int i = s.Length - 1; i >= 0 && char.IsLetter(s[i]); i--) letters++;
        return letters > 0 && (letters == s.Length || !char.IsLetterOrDigit(s[s.Length - letters - 1]));
    }

    // The document's own words, and each pair of neighbours in its hyphenated words ("full-stack" from "full-stack-developer").
    static HashSet<string> Words(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(text))
        {
            if (set.Count > 50_000) break;
            var parts = m.Value.ToLowerInvariant().Split('-');
            for (int i = 0; i < parts.Length; i++)
            {
                set.Add(parts[i]);
                if (i > 0) set.Add(parts[i - 1] + "-" + parts[i]);
            }
        }
        return set;
    }

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.,;:!?)\]]+$")]
    private static partial Regex TrailingPunctuation();
}
