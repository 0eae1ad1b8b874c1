using AtsParser.Core.Extraction;

namespace AtsParser.Core.Parsing.Compaction;

/// <summary>
/// The last step, only when the text is still over budget: lines are given up section by section, the least
/// useful section first (interests, references, then awards, projects, ... experience last), from the end of
/// each section backwards. The block before the first heading (name and contacts) and protected lines stay.
/// </summary>
public static class SectionCutter
{
    /// <summary>A line that survives every compaction step (repeated page furniture keeps one copy of it).</summary>
    public static bool IsProtected(string line) => LinePatterns.HasContact(line) || LinePatterns.HasDate(line) || SectionHeadings.Classify(line) is not null;

    public static int Cut(List<string?> lines, int maxChars)
    {
        int length = lines.Sum(l => l is null ? 0 : l.Length + 1);
        if (length <= maxChars) return 0;

        var priority = new int[lines.Count];
        int current = 0; // the header block
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i] is { Length: > 0 } line && SectionHeadings.Classify(line) is { } category) current = SectionHeadings.CutPriority(category);
            priority[i] = current;
        }

        int cut = 0;
        for (int p = 9; p >= 1 && length > maxChars; p--)
            for (int i = lines.Count - 1; i >= 0 && length > maxChars; i--)
            {
                if (priority[i] != p || lines[i] is not { Length: > 0 } line || IsProtected(line)) continue;
                length -= line.Length + 1;
                lines[i] = null;
                cut++;
            }
        return cut;
    }
}
