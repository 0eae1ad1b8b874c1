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

    /// <summary>Formats every marked row; returns the text and how many characters sat in table cells.</summary>
    public static (string Text, int CellChars) Format(string text)
    {
        int cellChars = 0;
        while (true)
        {
            int end = text.IndexOf(RowEnd);
            if (end < 0) break;
            int start = text.LastIndexOf(RowStart, end);
            if (start < 0) { text = text.Remove(end, 1); continue; }
            var row = FormatRow(text.AsSpan(start + 1, end - start - 1), ref cellChars);
            if (row.Length > 0 && start > 0 && text[start - 1] != '\n') row = "\n" + row;
            text = string.Concat(text.AsSpan(0, start), row, text.AsSpan(end + 1));
        }
        // Unbalanced markers (a cell outside any row) are dropped.
        if (text.Contains(RowStart) || text.Contains(CellEnd)) text = text.Replace(RowStart.ToString(), "").Replace(CellEnd, '\n');
        return (text, cellChars);
    }

    static string FormatRow(ReadOnlySpan<char> row, ref int cellChars)
    {
        var cells = new List<string>();
        foreach (var range in row.Split(CellEnd))
        {
            var cell = row[range].Trim().ToString();
            cells.Add(cell);
        }
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
