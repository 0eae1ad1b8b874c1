using System.Text;
using AtsParser.Core.Extraction;

namespace AtsParser.Core.Parsing.Compaction;

/// <summary>
/// What compaction did. Tokens are counted by `Tokenizer`: the model's own (o200k_base) for the model families we ship
/// it for, else an estimate of characters / CHARS_PER_TOKEN_ESTIMATE ("chars/4").
/// </summary>
public sealed record CompactionReport(int CharsBefore, int CharsAfter, int TokensBefore, int TokensAfter, int BudgetChars,
    int RepeatedPageLines, int PageNumberLines, int DuplicateLines, int BoilerplateLines, int CutLines, bool OverBudget, string Tokenizer)
{
    public double SavedRatio => TokensBefore == 0 ? 0 : 1 - (double)TokensAfter / TokensBefore;
}

public sealed record CompactionResult(string Text, CompactionReport Report);

/// <summary>
/// Shrinks extracted text before it goes to a model. Pure and deterministic: normalise whitespace, drop page
/// furniture repeated across pages and page numbers, de-duplicate lines, strip boilerplate, then cut whole
/// lines by section priority until the text fits. Contact lines, dates and headings are never cut, so a
/// result can stay over budget (reported as OverBudget).
/// </summary>
public static class TextCompactor
{
    public static int EstimateTokens(int chars, double charsPerToken) => (int)Math.Ceiling(chars / charsPerToken);

    /// <summary>With token counts estimated as characters / charsPerToken.</summary>
    public static CompactionResult Compact(string text, int maxChars, double charsPerToken) => Compact(text, maxChars, TokenCounter.Estimate(charsPerToken));

    public static CompactionResult Compact(string text, int maxChars, TokenCounter tokens)
    {
        var pages = text.Split('\f').Select(p => p.Split('\n').Select(l => (string?)WhitespaceNormalizer.NormalizeLine(l)).ToArray()).ToArray();
        // Extraction's page furniture rules (the text has been through them once, in TextQuality.Clean), counted for the
        // report; here a running line keeps its first copy, as the model may need what a footer says once.
        var furniture = PageFurniture.Remove(pages, keepFirstCopy: true);
        var lines = pages.SelectMany(p => p).ToList();
        int duplicates = RemoveDuplicates(lines), boilerplate = furniture.Navigation + RemoveBoilerplate(lines);
        var cut = SectionCutter.Cut(lines, maxChars);
        var result = Join(lines);
        var report = new CompactionReport(text.Length, result.Length, tokens.Count(text), tokens.Count(result),
            maxChars, furniture.RunningLines, furniture.PageNumbers, duplicates, boilerplate, cut, result.Length > maxChars, tokens.Name);
        return new CompactionResult(result, report);
    }

    /// <summary>A second occurrence of a long line goes, and so does a line repeating the one just before it; protected lines stay.</summary>
    static int RemoveDuplicates(List<string?> lines)
    {
        var seen = new HashSet<string>();
        string? previous = null;
        int removed = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrEmpty(line)) continue;
            var key = LinePatterns.Key(line);
            bool repeat = key == previous || (key.Length >= 20 && seen.Contains(key));
            previous = key;
            if (!seen.Add(key) && repeat && !SectionCutter.IsProtected(line)) { lines[i] = null; removed++; }
        }
        return removed;
    }

    static int RemoveBoilerplate(List<string?> lines)
    {
        int removed = 0;
        for (int i = 0; i < lines.Count; i++)
            if (lines[i] is { Length: > 0 } line && LinePatterns.IsBoilerplate(line) && !LinePatterns.HasContact(line) && !LinePatterns.HasDate(line)) { lines[i] = null; removed++; }
        return removed;
    }

    /// <summary>Removed lines vanish; runs of blank lines become one blank line.</summary>
    static string Join(List<string?> lines)
    {
        var sb = new StringBuilder();
        bool blank = false;
        foreach (var line in lines)
        {
            if (line is null) continue;
            if (line.Length == 0) { blank = sb.Length > 0; continue; }
            if (blank) sb.Append('\n');
            blank = false;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(line);
        }
        return sb.ToString();
    }
}
