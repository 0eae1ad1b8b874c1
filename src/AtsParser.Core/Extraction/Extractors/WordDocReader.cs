using System.Buffers.Binary;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// In-process text of a Word 97-2003 document (MS-DOC): the FIB of the WordDocument stream gives the story lengths
/// and where the piece table (CLX) sits in the table stream; each piece is 8-bit (Windows-1252) or UTF-16 text in the
/// WordDocument stream. The stories come out in this order: page headers and their text boxes, the main text, the
/// text boxes of the body (their anchors are not resolved), footnotes and endnotes (comments and macros never). Field codes are dropped and their results kept
/// (a HYPERLINK field's target becomes a link); table cells end in " | " rows as the other readers give them.
/// Anything this reader does not handle (Word 6/95, encrypted files, a damaged piece table) is an
/// <see cref="InvalidDataException"/>, and the chain goes on to antiword and LibreOffice.
/// </summary>
public static class WordDocReader
{
    public sealed record Result(string Text, IReadOnlyList<(string Target, string? Text)> Links);

    static readonly Encoding Cp1252 = CodePages();

    static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static Result Read(byte[] bytes, int maxChars, CancellationToken ct)
    {
        var cfb = CompoundFile.Open(bytes);
        var word = cfb.Stream("WordDocument") ?? throw new InvalidDataException("No WordDocument stream: not a Word document.");
        if (word.Length < 0x200 || BinaryPrimitives.ReadUInt16LittleEndian(word) != 0xA5EC) throw new InvalidDataException("Not a Word 97-2003 FIB.");
        int nFib = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(2));
        if (nFib < 0x00C1) throw new InvalidDataException($"Word 6/95 file (nFib {nFib}).");
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(0x0A));
        if ((flags & 0x0100) != 0) throw new InvalidDataException("The document is encrypted.");
        var table = cfb.Stream((flags & 0x0200) != 0 ? "1Table" : "0Table") ?? throw new InvalidDataException("No table stream.");

        int csw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(0x20));
        int lw = 0x22 + csw * 2;
        int cslw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(lw));
        int rgLw = lw + 2;
        int fcLcb = rgLw + cslw * 4;
        int cbRgFcLcb = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(fcLcb));
        int rgFcLcb = fcLcb + 2;
        if (cslw < 11 || cbRgFcLcb < 34 || rgFcLcb + 34 * 8 > word.Length) throw new InvalidDataException("FIB too short.");
        int Ccp(int i) => Math.Clamp(BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(rgLw + 4 * i)), 0, 50_000_000);
        int text = Ccp(3), ftn = Ccp(4), hdd = Ccp(5), mcr = Ccp(6), atn = Ccp(7), edn = Ccp(8), txbx = Ccp(9), hdrTxbx = Ccp(10);
        uint fcClx = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(rgFcLcb + 33 * 8));
        uint lcbClx = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(rgFcLcb + 33 * 8 + 4));
        if (lcbClx == 0 || fcClx + (long)lcbClx > table.Length) throw new InvalidDataException("No piece table.");

        var pieces = Pieces(table.AsSpan((int)fcClx, (int)lcbClx));
        var doc = new Story(word, pieces, maxChars);
        // Where each story starts in the document's character positions (MS-DOC 2.3).
        int main = 0, foot = text, head = foot + ftn, boxes = head + hdd + mcr + atn + edn, headBoxes = boxes + txbx;
        int end = Math.Min(doc.Length, headBoxes + hdrTxbx);
        var sb = new StringBuilder();
        var links = new List<(string, string?)>();
        var rowStarts = new List<int>();
        void Add(int from, int count)
        {
            ct.ThrowIfCancellationRequested();
            int take = Math.Min(Math.Min(count, end - from), maxChars + 1 - sb.Length);
            if (take <= 0) return;
            Clean(doc.Chars(from, take), sb, links, rowStarts);
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        }
        Add(head, hdd);
        Add(headBoxes, hdrTxbx);
        Add(main, text);
        Add(boxes, txbx);
        Add(foot, ftn);
        Add(head + hdd + mcr + atn, edn);
        var (formatted, _) = TableRows.Format(WithRowStarts(sb, rowStarts));
        return new Result(formatted, links);
    }

    readonly record struct Piece(int CpStart, int CpEnd, uint Fc, bool Compressed);

    static List<Piece> Pieces(ReadOnlySpan<byte> clx)
    {
        int i = 0;
        // Skip the Prc entries (property modifiers) that precede the piece table.
        while (i < clx.Length && clx[i] == 0x01)
        {
            if (i + 3 > clx.Length) throw new InvalidDataException("Truncated CLX.");
            i += 3 + Math.Max(0, (int)BinaryPrimitives.ReadInt16LittleEndian(clx[(i + 1)..]));
        }
        if (i + 5 > clx.Length || clx[i] != 0x02) throw new InvalidDataException("No Pcdt in the CLX.");
        int lcb = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(clx[(i + 1)..]), (uint)(clx.Length - i - 5));
        var plc = clx.Slice(i + 5, lcb);
        int n = (plc.Length - 4) / 12;
        if (n <= 0) throw new InvalidDataException("Empty piece table.");
        var pieces = new List<Piece>(n);
        for (int k = 0; k < n; k++)
        {
            int cpStart = BinaryPrimitives.ReadInt32LittleEndian(plc[(4 * k)..]);
            int cpEnd = BinaryPrimitives.ReadInt32LittleEndian(plc[(4 * (k + 1))..]);
            var pcd = plc.Slice(4 * (n + 1) + 8 * k, 8);
            uint fc = BinaryPrimitives.ReadUInt32LittleEndian(pcd[2..]);
            bool compressed = (fc & 0x40000000) != 0;
            fc &= 0x3FFFFFFF;
            if (cpEnd < cpStart || cpStart < 0) throw new InvalidDataException("Piece table out of order.");
            pieces.Add(new Piece(cpStart, cpEnd, compressed ? fc / 2 : fc, compressed));
        }
        return pieces;
    }

    /// <summary>The document's characters by position, read through the piece table.</summary>
    sealed class Story(byte[] word, List<Piece> pieces, int maxChars)
    {
        public int Length { get; } = pieces[^1].CpEnd;

        public string Chars(int from, int count)
        {
            var sb = new StringBuilder(Math.Min(count, maxChars));
            int to = from + count;
            foreach (var p in pieces)
            {
                if (p.CpEnd <= from || p.CpStart >= to) continue;
                int a = Math.Max(from, p.CpStart), b = Math.Min(to, p.CpEnd);
                long offset = p.Fc + (long)(a - p.CpStart) * (p.Compressed ? 1 : 2);
                long length = (long)(b - a) * (p.Compressed ? 1 : 2);
                if (offset < 0 || offset + length > word.Length) throw new InvalidDataException("A piece points outside the WordDocument stream.");
                var span = word.AsSpan((int)offset, (int)length);
                sb.Append(p.Compressed ? Cp1252.GetString(span) : Encoding.Unicode.GetString(span));
                if (sb.Length > maxChars) break;
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Word's control characters as text: paragraph marks, line and page breaks become line ends; a cell mark ends a
    /// cell and two in a row end the table row; a field's code (0x13 … 0x14) is dropped and its result (… 0x15)
    /// kept; pictures, drawn-object anchors and note references go.
    /// </summary>
    /// <summary>The text with a row-start marker at each recorded position (positions ascend), built in one pass.</summary>
    static string WithRowStarts(StringBuilder sb, List<int> rowStarts)
    {
        if (rowStarts.Count == 0) return sb.ToString();
        var text = new StringBuilder(sb.Length + rowStarts.Count);
        int from = 0;
        foreach (var at in rowStarts)
        {
            text.Append(sb, from, at - from).Append(TableRows.RowStart);
            from = at;
        }
        return text.Append(sb, from, sb.Length - from).ToString();
    }

    static void Clean(string s, StringBuilder sb, List<(string, string?)> links, List<int> rowStarts)
    {
        var fields = new Stack<(bool InCode, StringBuilder Code, int ResultStart)>();
        int paragraphStart = sb.Length;
        bool inRow = false, lastWasCell = false;
        foreach (char c in s)
        {
            if (c == '\u0013') { fields.Push((true, new StringBuilder(), -1)); continue; }
            if (c == '\u0014' && fields.Count > 0) { var f = fields.Pop(); fields.Push((false, f.Code, sb.Length)); continue; }
            if (c == '\u0015' && fields.Count > 0)
            {
                var f = fields.Pop();
                if (!f.InCode && f.ResultStart >= 0 && HyperlinkTarget(f.Code.ToString()) is { } target)
                    links.Add((target, sb.ToString(f.ResultStart, sb.Length - f.ResultStart).Trim()));
                continue;
            }
            if (fields.Count > 0 && fields.Peek().InCode) { if (fields.Peek().Code.Length < 2000) fields.Peek().Code.Append(c); continue; }
            switch (c)
            {
                case '\u0007':
                    if (lastWasCell && inRow) { sb.Append(TableRows.RowEnd).Append('\n'); inRow = false; lastWasCell = false; paragraphStart = sb.Length; continue; }
                    // The row started at the paragraph holding its first cell; the marker goes in when the text is done.
                    if (!inRow) { rowStarts.Add(paragraphStart); inRow = true; }
                    sb.Append(TableRows.CellEnd);
                    lastWasCell = true;
                    paragraphStart = sb.Length;
                    continue;
                case '\r': case '\u000B': case '\u000C':
                    sb.Append('\n');
                    if (!inRow) paragraphStart = sb.Length;
                    break;
                case '\u0001': case '\u0002': case '\u0003': case '\u0004': case '\u0005': case '\u0008': case '\u001F':
                    break;
                case '\u001E': sb.Append('-'); break;
                case '\u00A0': sb.Append(' '); break;
                default:
                    if (c < ' ' && c != '\t') break;
                    sb.Append(c);
                    break;
            }
            lastWasCell = false;
        }
        if (inRow) sb.Append(TableRows.RowEnd);
    }

    /// <summary>HYPERLINK "https://…" \o "tip" → the target; a local bookmark (\l) is not a link.</summary>
    static string? HyperlinkTarget(string code)
    {
        var t = code.Trim();
        if (!t.StartsWith("HYPERLINK", StringComparison.OrdinalIgnoreCase) || t.Contains("\\l ", StringComparison.Ordinal)) return null;
        int q = t.IndexOf('"');
        if (q < 0) return t[9..].Trim().Split(' ')[0] is { Length: > 0 } bare ? bare : null;
        int q2 = t.IndexOf('"', q + 1);
        return q2 > q + 1 ? t[(q + 1)..q2] : null;
    }
}
