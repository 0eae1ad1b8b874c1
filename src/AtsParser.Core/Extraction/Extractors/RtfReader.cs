using System.Text;
using AtsParser.Core.Documents;
using static AtsParser.Core.Extraction.Extractors.RtfWords;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// RTF to plain text in one linear pass: \uN with its \ucN fallback skipped, \'hh decoded in the current font's code
/// page, \bin data skipped, fonts/pictures/objects/metadata skipped, text boxes and page headers kept (headers first,
/// footers last, as for DOCX), table rows as one "a | b | c" line, and HYPERLINK fields returned as links: the target from the instruction, the
/// visible text from the field result.
/// Bounded: group depth, output length, \bin lengths and \uc counts are capped, so hostile input costs linear time.
/// </summary>
public sealed class RtfReader
{
    enum Dest : byte { Text, Skip, FontTable, FieldInst, ShapeInst, Info, InfoField }

    enum Sink : byte { Body, Header, Footer }

    struct Group
    {
        public Dest Dest;
        public Sink Sink;
        public int Uc;
        public int CodePage;
    }

    readonly byte[] _rtf;
    readonly int _maxChars;
    readonly StringBuilder _body = new(), _header = new(), _footer = new(), _fieldInst = new(), _infoText = new();
    readonly List<DocumentHint> _hints = [];
    char _infoField;
    readonly List<RtfLink> _links = [];
    readonly Dictionary<int, int> _fontCodePage = [];
    readonly Group[] _stack = new Group[RtfStructure.MaxGroupDepth + 1];
    readonly byte[] _pending = new byte[256];
    int _pendingCount, _pendingCodePage;
    int _depth, _skip, _defaultFont = -1, _fontDef = -1, _ansiCodePage = 1252, _rowStart, _cellStart;
    bool _star;
    // A HYPERLINK target waiting for its field result, and where that result's text starts in its sink.
    string? _linkTarget;
    StringBuilder? _resultSink;
    int _resultStart, _resultDepth = -1;
    Group _g = new() { Uc = 1, CodePage = 1252 };

    RtfReader(byte[] rtf, int maxChars) => (_rtf, _maxChars) = (rtf, maxChars);

    public sealed record RtfLink(string Target, string? Text);

    public sealed record Result(string Text, IReadOnlyList<RtfLink> Links)
    {
        /// <summary>{\info}'s title, author and operator (last editor).</summary>
        public IReadOnlyList<DocumentHint> Hints { get; init; } = [];
    }

    public static Result Read(byte[] rtf, int maxChars, CancellationToken ct) => new RtfReader(rtf, maxChars).Run(ct);

    StringBuilder Out => _g.Sink switch { Sink.Header => _header, Sink.Footer => _footer, _ => _body };

    Result Run(CancellationToken ct)
    {
        int i = 0;
        bool opened = false;
        while (i < _rtf.Length && _body.Length + _header.Length + _footer.Length <= _maxChars)
        {
            if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            byte b = _rtf[i];
            switch (b)
            {
                case (byte)'{':
                    Flush();
                    if (_depth == _stack.Length - 1)
                        throw new DocumentException(ErrorCodes.CorruptDocument, $"The RTF nests groups more than {RtfStructure.MaxGroupDepth} deep. Re-save it from the original application.");
                    _stack[_depth++] = _g;
                    _skip = 0;
                    _star = false;
                    opened = true;
                    i++;
                    break;
                case (byte)'}':
                    Flush();
                    if (_depth == 0) { i++; break; }
                    var closing = _g;
                    _g = _stack[--_depth];
                    if (closing.Dest == Dest.FieldInst && _g.Dest != Dest.FieldInst) EndFieldInstruction();
                    if (closing.Dest == Dest.InfoField && _g.Dest != Dest.InfoField) EndInfoField();
                    if (_depth < _resultDepth) EndFieldResult();
                    _skip = 0;
                    _star = false;
                    i++;
                    if (_depth == 0 && opened) i = _rtf.Length; // the document group is closed: trailing bytes are not RTF
                    break;
                case (byte)'\\':
                    i = Control(i);
                    break;
                case (byte)'\r' or (byte)'\n' or 0:
                    i++;
                    break;
                default:
                    if (_skip > 0) _skip--;
                    else if (b == '\t') Append('\t');
                    else TextByte(b);
                    i++;
                    break;
            }
        }
        Flush();
        AddLink(null);
        var text = new StringBuilder(_header.Length + _body.Length + _footer.Length + 2);
        if (_header.Length > 0) text.Append(_header).Append('\n');
        text.Append(_body);
        if (_footer.Length > 0) text.Append('\n').Append(_footer);
        ReplaceLoneSurrogates(text);
        return new Result(text.ToString(), _links.Distinct().ToList()) { Hints = _hints };
    }

    // Reads the control word or symbol at `i`; returns the index after it.
    int Control(int i)
    {
        int j = i + 1;
        if (j >= _rtf.Length) return j;
        byte c = _rtf[j];
        if (!IsLetter(c))
        {
            if (c == '\'')
            {
                int hex = j + 2 < _rtf.Length ? Hex(_rtf[j + 1], _rtf[j + 2]) : -1;
                if (_skip > 0) _skip--;
                else if (hex >= 0) TextByte((byte)hex);
                return Math.Min(j + 3, _rtf.Length);
            }
            if (c == '*') { _star = true; return j + 1; }
            if (_skip > 0) { _skip--; return j + 1; }
            switch (c)
            {
                case (byte)'\\' or (byte)'{' or (byte)'}': Append((char)c); break;
                case (byte)'~': Append('\u00A0'); break;
                case (byte)'_': Append('-'); break;
                case (byte)'\r' or (byte)'\n': Append('\n'); break;
            }
            return j + 1;
        }
        int nameStart = j;
        while (j < _rtf.Length && IsLetter(_rtf[j]) && j - nameStart < 32) j++;
        Span<char> name = stackalloc char[j - nameStart];
        for (int k = 0; k < name.Length; k++) name[k] = (char)_rtf[nameStart + k];
        bool negative = j < _rtf.Length && _rtf[j] == '-';
        if (negative) j++;
        long value = 0;
        int digits = 0;
        while (j < _rtf.Length && _rtf[j] is >= (byte)'0' and <= (byte)'9')
        {
            if (digits++ < 10) value = value * 10 + (_rtf[j] - '0');
            j++;
        }
        if (j < _rtf.Length && _rtf[j] == ' ') j++;
        int param = (int)Math.Clamp(negative ? -value : value, int.MinValue, int.MaxValue);
        bool hasParam = digits > 0;
        var word = Lookup.TryGetValue(name, out var w) ? w : default;

        if (word.Kind == Kind.Bin)
        {
            long skip = hasParam && param > 0 ? param : 0;
            if (skip > _rtf.Length - j)
                throw new DocumentException(ErrorCodes.CorruptDocument, "The RTF claims more binary data than the file holds. Re-save it from the original application.");
            return j + (int)skip;
        }
        if (_star)
        {
            _star = false;
            Flush();
            _g.Dest = _g.Dest == Dest.Skip ? Dest.Skip : word.Kind switch
            {
                Kind.FieldInst => Dest.FieldInst,
                Kind.ShapeInst => Dest.ShapeInst,
                _ => Dest.Skip,
            };
            return j;
        }
        if (_skip > 0) { _skip--; return j; }
        Act(word, param, hasParam);
        return j;
    }

    void Act(Word word, int param, bool hasParam)
    {
        switch (word.Kind)
        {
            case Kind.FieldResult:
                BeginFieldResult();
                break;
            case Kind.Skip or Kind.FieldInst or Kind.FontTable or Kind.ShapeInst or Kind.ShapeText or Kind.Header or Kind.Footer or Kind.Info:
                Destination(word.Kind);
                break;
            case Kind.InfoField when _g.Dest == Dest.Info:
                Flush();
                _g.Dest = Dest.InfoField;
                _infoField = word.Char;
                _infoText.Clear();
                break;
            case Kind.AnsiCodePage:
                _ansiCodePage = hasParam ? param : word.CodePage;
                if (_g.Dest != Dest.FontTable) _g.CodePage = _ansiCodePage;
                break;
            case Kind.DefaultFont: _defaultFont = param; break;
            case Kind.Font when _g.Dest == Dest.FontTable:
                _fontDef = param;
                _fontCodePage[param] = _ansiCodePage;
                break;
            case Kind.Charset when _g.Dest == Dest.FontTable && _fontDef >= 0:
                _fontCodePage[_fontDef] = CodePageOfCharset(param, _ansiCodePage);
                break;
            case Kind.FontCodePage when _g.Dest == Dest.FontTable && _fontDef >= 0 && param > 0:
                _fontCodePage[_fontDef] = param;
                break;
            case Kind.Font:
                Flush();
                _g.CodePage = _fontCodePage.GetValueOrDefault(param, _ansiCodePage);
                break;
            case Kind.Plain:
                Flush();
                _g.CodePage = _fontCodePage.GetValueOrDefault(_defaultFont, _ansiCodePage);
                break;
            case Kind.Uc: _g.Uc = Math.Clamp(param, 0, 8); break;
            case Kind.U:
                int code = param < 0 ? param + 65536 : param;
                Append(IsSymbolPrivateUse(code) ? SymbolGlyph(code) : (char)code);
                _skip = _g.Uc;
                break;
            case Kind.Char: Append(word.Char); break;
            case Kind.Par: Append('\n'); break;
            case Kind.Tab: Append('\t'); break;
            case Kind.Cell or Kind.NestCell: EndCell(); break;
            case Kind.Row or Kind.NestRow: EndRow(); break;
            case Kind.TableRow when _g.Dest == Dest.Text && _g.Sink == Sink.Body: Flush(); _rowStart = _cellStart = _body.Length; break;
        }
    }

    void Destination(Kind kind)
    {
        Flush();
        if (_g.Dest == Dest.Skip) return;
        switch (kind)
        {
            case Kind.FontTable: _g.Dest = Dest.FontTable; break;
            case Kind.FieldInst: _g.Dest = Dest.FieldInst; break;
            case Kind.ShapeInst: _g.Dest = Dest.ShapeInst; break;
            case Kind.ShapeText: if (_g.Dest == Dest.ShapeInst) _g.Dest = Dest.Text; break;
            case Kind.Header: _g.Sink = Sink.Header; break;
            case Kind.Footer: _g.Sink = Sink.Footer; break;
            case Kind.Info: _g.Dest = Dest.Info; break;
            default: _g.Dest = Dest.Skip; break;
        }
    }

    // A table row reads as one line: "a | b | c". A cell holding several paragraphs (a layout table) keeps its lines.
    void EndCell()
    {
        if (_g.Dest != Dest.Text) return;
        Flush();
        var sb = Out;
        int end = sb.Length, cellStart = Math.Min(_cellStart, end);
        while (end > cellStart && char.IsWhiteSpace(sb[end - 1])) end--;
        sb.Length = end;
        if (end == cellStart) return;
        bool multiline = false;
        for (int k = Math.Min(_rowStart, end); k < end && !multiline; k++) multiline = sb[k] == '\n';
        sb.Append(multiline ? "\n" : " | ");
        _cellStart = sb.Length;
    }

    void EndRow()
    {
        if (_g.Dest != Dest.Text) return;
        Flush();
        var sb = Out;
        if (sb.Length >= 3 && sb[^1] == ' ' && sb[^2] == '|' && sb[^3] == ' ') sb.Length -= 3;
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        _rowStart = _cellStart = sb.Length;
    }

    void EndFieldInstruction()
    {
        AddLink(null);
        _linkTarget = HyperlinkTarget(_fieldInst.ToString());
        _fieldInst.Clear();
    }

    // {\fldrslt ...} is what the reader sees on the field; its text goes to the document as usual and is copied when the group closes.
    void BeginFieldResult()
    {
        Flush();
        if (_linkTarget is null || _g.Dest != Dest.Text || _resultDepth >= 0) return;
        _resultSink = Out;
        _resultStart = _resultSink.Length;
        _resultDepth = _depth;
    }

    void EndFieldResult()
    {
        var sink = _resultSink!;
        var text = _resultStart <= sink.Length ? sink.ToString(_resultStart, Math.Min(sink.Length - _resultStart, 300)) : null;
        (_resultSink, _resultDepth) = (null, -1);
        AddLink(text);
    }

    void AddLink(string? text)
    {
        if (_linkTarget is not null && _links.Count < 100) _links.Add(new RtfLink(_linkTarget, text));
        _linkTarget = null;
    }

    void EndInfoField()
    {
        var kind = _infoField switch { 't' => DocumentHints.TitleProperty, 'a' => DocumentHints.AuthorProperty, _ => DocumentHints.EditorProperty };
        DocumentHints.Add(_hints, kind, _infoText.ToString());
        _infoText.Clear();
    }

    StringBuilder Target => _g.Dest switch { Dest.FieldInst => _fieldInst, Dest.InfoField => _infoText, _ => Out };

    void TextByte(byte b)
    {
        if (_g.Dest is not (Dest.Text or Dest.FieldInst or Dest.InfoField)) return;
        if (_g.CodePage == SymbolCodePage) { Append(b < 0x80 ? (char)b : SymbolGlyph(b)); return; }
        if (b < 0x80 && _pendingCount == 0) { Append((char)b); return; }
        if (_pendingCount == _pending.Length || (_pendingCount > 0 && _pendingCodePage != _g.CodePage)) Flush();
        _pendingCodePage = _g.CodePage;
        _pending[_pendingCount++] = b;
    }

    void Append(char c)
    {
        if (_g.Dest is not (Dest.Text or Dest.FieldInst or Dest.InfoField)) return;
        if (_pendingCount > 0) Flush();
        if (_g.Dest == Dest.InfoField && _infoText.Length >= 300) return;
        Target.Append(c);
    }

    void Flush()
    {
        if (_pendingCount == 0) return;
        var text = EncodingOf(_pendingCodePage).GetString(_pending, 0, _pendingCount);
        _pendingCount = 0;
        if (_g.Dest == Dest.InfoField && _infoText.Length >= 300) return;
        Target.Append(text);
    }

    // \u-10240 without its low half is legal RTF but not text: it reads as U+FFFD, as pandoc reads it.
    static void ReplaceLoneSurrogates(StringBuilder sb)
    {
        for (int k = 0; k < sb.Length; k++)
        {
            if (char.IsHighSurrogate(sb[k]) && k + 1 < sb.Length && char.IsLowSurrogate(sb[k + 1])) k++;
            else if (char.IsSurrogate(sb[k])) sb[k] = '\uFFFD';
        }
    }

    static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    static int Hex(byte hi, byte lo) => HexDigit(hi) is var h and >= 0 && HexDigit(lo) is var l and >= 0 ? h * 16 + l : -1;

    static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
