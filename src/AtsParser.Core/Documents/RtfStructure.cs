namespace AtsParser.Core.Documents;

/// <summary>
/// A linear pre-check of RTF structure before any converter sees the file. pandoc needs seconds and gigabytes on
/// hundreds of thousands of nested groups, and LibreOffice hangs on a \bin that claims more bytes than the file
/// has; real word processors write neither.
/// </summary>
public static class RtfStructure
{
    /// <summary>Word and LibreOffice nest a few dozen groups deep; nested tables and fields stay far below this.</summary>
    public const int MaxGroupDepth = 256;

    public static void Check(ReadOnlySpan<byte> rtf)
    {
        int depth = 0;
        for (int i = 0; i < rtf.Length; i++)
        {
            switch (rtf[i])
            {
                case (byte)'{':
                    if (++depth > MaxGroupDepth)
                        throw Corrupt($"The RTF nests groups more than {MaxGroupDepth} deep, which no word processor writes.");
                    break;
                case (byte)'}':
                    if (depth > 0) depth--;
                    break;
                case (byte)'\\':
                    i = ControlWord(rtf, i);
                    break;
            }
        }
    }

    // Returns the index of the last byte of the control word (or symbol) at `i`, skipping \bin data.
    static int ControlWord(ReadOnlySpan<byte> rtf, int i)
    {
        int j = i + 1;
        if (j >= rtf.Length) return i;
        if (!IsLetter(rtf[j])) return j; // control symbol: \{ \} \\ \'hh (the hex digits are plain text)
        int nameStart = j;
        while (j < rtf.Length && IsLetter(rtf[j])) j++;
        var name = rtf[nameStart..j];
        bool negative = j < rtf.Length && rtf[j] == '-';
        if (negative) j++;
        long value = 0;
        int digits = 0;
        while (j < rtf.Length && rtf[j] is >= (byte)'0' and <= (byte)'9')
        {
            if (digits++ < 12) value = value * 10 + (rtf[j] - '0');
            j++;
        }
        if (j < rtf.Length && rtf[j] == ' ') j++; // the delimiter space belongs to the control word
        if (name.SequenceEqual("bin"u8) && !negative && digits > 0)
        {
            if (value > rtf.Length - j)
                throw Corrupt($"The RTF claims {value:N0} bytes of binary data but only {rtf.Length - j:N0} bytes follow.");
            return j + (int)value - 1;
        }
        return j - 1;
    }

    static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    static DocumentException Corrupt(string why) =>
        new(ErrorCodes.CorruptDocument, why + " Re-save the document from the original application and upload it again.");
}
