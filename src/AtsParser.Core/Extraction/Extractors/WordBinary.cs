using System.Buffers.Binary;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Two facts about a Word 97-2003 file that decide which reader gets it, and a clean-up of antiword's tables.
/// TextBoxChars reads the FIB of the WordDocument stream (ccpTxbx + ccpHdrTxbx: characters in text boxes, which
/// antiword does not print); the compound-file walk is bounded and any inconsistency answers 0.
/// </summary>
public static class WordBinary
{
    public static int TextBoxChars(byte[] doc)
    {
        try
        {
            if (doc.Length < 512 || BinaryPrimitives.ReadUInt64LittleEndian(doc) != 0xE11AB1A1E011CFD0) return 0;
            int shift = BinaryPrimitives.ReadUInt16LittleEndian(doc.AsSpan(0x1E));
            if (shift is not (9 or 12)) return 0;
            int size = 1 << shift;
            int fatSectors = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(doc.AsSpan(0x2C)), 109);
            var fat = new List<uint>();
            for (int i = 0; i < fatSectors; i++)
            {
                long at = ((long)BinaryPrimitives.ReadUInt32LittleEndian(doc.AsSpan(0x4C + 4 * i)) + 1) * size;
                if (at + size > doc.Length) return 0;
                for (int k = 0; k < size; k += 4) fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(doc.AsSpan((int)at + k)));
            }
            uint sector = BinaryPrimitives.ReadUInt32LittleEndian(doc.AsSpan(0x30));
            for (int hops = 0; sector < 0xFFFFFFFA && hops < 1000; hops++)
            {
                long at = ((long)sector + 1) * size;
                if (at + size > doc.Length) return 0;
                for (int e = 0; e < size; e += 128)
                {
                    var entry = doc.AsSpan((int)at + e, 128);
                    int nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                    if (nameBytes != 26 || Encoding.Unicode.GetString(entry[..24]) != "WordDocument") continue;
                    long fib = ((long)BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]) + 1) * size;
                    // A stream under 4 KiB lives in the mini stream; Word's never does. 0xA5EC marks a Word 97+ FIB.
                    if (BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..]) < 4096 || fib + 108 > doc.Length) return 0;
                    if (BinaryPrimitives.ReadUInt16LittleEndian(doc.AsSpan((int)fib)) != 0xA5EC) return 0;
                    int txbx = BinaryPrimitives.ReadInt32LittleEndian(doc.AsSpan((int)fib + 100));
                    int hdrTxbx = BinaryPrimitives.ReadInt32LittleEndian(doc.AsSpan((int)fib + 104));
                    return Math.Clamp(txbx, 0, 10_000_000) + Math.Clamp(hdrTxbx, 0, 10_000_000);
                }
                sector = sector < fat.Count ? fat[(int)sector] : 0xFFFFFFFE;
            }
        }
        catch (ArgumentOutOfRangeException) { }
        return 0;
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
