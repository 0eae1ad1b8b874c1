using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Keeps table rows as rows. Readers mark a row's start, each cell's end and the row's end with control
/// characters while they walk the document; Format turns each row whose cells are one line each into one line,
/// cells joined by " | " ("Company | Title | 2019 - 2021"). A row with a multi-line cell (a layout table holding
/// whole sections) keeps one cell after the other, each on its own lines. Nested tables are formatted inside out.
/// </summary>
public static class TableRows
{
    public const char RowStart = '\u001D';
    public const char CellEnd = '\u001F';
    public const char RowEnd = '\u001E';
    public const string Separator = " | ";

    public static bool HasRows(StringBuilder sb)
    {
        for (int i = 0; i < sb.Length; i++) if (sb[i] == RowStart) return true;
        return false;
    }

    /// <summary>
    /// Formats every marked row; returns the text and how many characters sat in table cells. One pass: a row is
    /// formatted when its end is met, innermost first (a stack of open rows), so a long table costs its length once
    /// rather than once per row.
    /// </summary>
    public static (string Text, int CellChars) Format(string text)
    {
        // Most documents have no table: nothing to copy.
        if (text.AsSpan().IndexOfAny(RowStart, RowEnd, CellEnd) < 0) return (text, 0);
        int cellChars = 0;
        var sb = new StringBuilder(text.Length);
        var open = new Stack<int>();
        // The text between two row markers is copied as one span, not char by char.
        for (int i = 0; i < text.Length;)
        {
            int next = text.AsSpan(i).IndexOfAny(RowStart, RowEnd);
            if (next < 0) { sb.Append(text.AsSpan(i)); break; }
            sb.Append(text.AsSpan(i, next));
            i += next;
            char c = text[i++];
            if (c == RowStart) { open.Push(sb.Length); sb.Append(c); continue; }
            // A row end with no open row is dropped.
            if (open.Count == 0) continue;
            int start = open.Pop();
            var row = FormatRow(sb.ToString(start + 1, sb.Length - start - 1), ref cellChars);
            bool newline = row.Length > 0 && start > 0 && sb[start - 1] != '\n';
            sb.Length = start;
            if (newline) sb.Append('\n');
            sb.Append(row);
        }
        var result = sb.ToString();
        // Unbalanced markers (a cell outside any row) are dropped.
        if (result.Contains(RowStart) || result.Contains(CellEnd)) result = result.Replace(RowStart.ToString(), "").Replace(CellEnd, '\n');
        return (result, cellChars);
    }

    static string FormatRow(string row, ref int cellChars)
    {
        var cells = new List<string>();
        foreach (var cell in row.Split(CellEnd)) cells.Add(cell.Trim());
        // The text after the last cell end is not a cell (whitespace between cells and the row end).
        if (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        var filled = cells.Where(c => c.Length > 0).ToList();
        cellChars += filled.Sum(c => c.Length);
        if (filled.Count == 0) return "";
        var sb = new StringBuilder();
        if (filled.All(c => !c.Contains('\n')))
        {
            sb.AppendJoin(Separator, filled.Select(c => c.Replace('\t', ' '))).Append('\n');
            return sb.ToString();
        }
        foreach (var c in filled) sb.Append(c).Append('\n');
        return sb.ToString();
    }
}
