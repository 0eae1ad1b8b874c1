using System.Buffers.Binary;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Two facts about a Word 97-2003 file that decide which reader gets it, and a clean-up of antiword's tables.
/// TextBoxChars reads the FIB of the WordDocument stream (ccpTxbx + ccpHdrTxbx: characters in text boxes, which
/// antiword does not print) through the bounded <see cref="CompoundFile"/> reader; any inconsistency answers 0.
/// </summary>
public static class WordBinary
{
    public static int TextBoxChars(byte[] doc)
    {
        if (!CompoundFile.IsCompoundFile(doc)) return 0;
        try
        {
            var word = CompoundFile.Open(doc).Stream("WordDocument");
            // 0xA5EC marks a Word 97+ FIB; ccpTxbx and ccpHdrTxbx sit at 100 and 104 in it.
            if (word is null || word.Length < 108 || BinaryPrimitives.ReadUInt16LittleEndian(word) != 0xA5EC) return 0;
            int txbx = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(100));
            int hdrTxbx = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(104));
            return Math.Clamp(txbx, 0, 10_000_000) + Math.Clamp(hdrTxbx, 0, 10_000_000);
        }
        catch (InvalidDataException) { return 0; }
    }

    /// <summary>antiword draws a table row as "|cell   |cell   |": the cells, trimmed, joined by " | ".</summary>
    public static string TableRowsAsLines(string text)
    {
        if (!text.Contains('|')) return text;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length < 3 || line[0] != '|' || line[^1] != '|') continue;
            var cells = line[1..^1].Split('|').Select(c => c.Trim()).Where(c => c.Length > 0);
            lines[i] = string.Join(TableRows.Separator, cells);
        }
        return string.Join('\n', lines);
    }
}
