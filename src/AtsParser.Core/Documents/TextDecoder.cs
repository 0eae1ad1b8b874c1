using System.Text;

namespace AtsParser.Core.Documents;

/// <summary>The decoded text; Truncated when the decoder stopped at its character cap.</summary>
public sealed record DecodedText(string Text, string EncodingName, bool Truncated = false);

/// <summary>
/// Decodes plain-text uploads: BOMs, UTF-16 without BOM (from the NUL pattern), strict UTF-8, mostly-valid UTF-8
/// (lossy), GB18030/Big5 (chosen by how many of the commonest Chinese characters the decoding yields) and a
/// Windows-1252 fallback. Returns null for binary data. With a character cap only the bytes that can hold that many
/// characters are decoded (a 10 MB text file is no longer a 20 MB string and cleaned copies before being cut), and
/// the encoding is judged on them.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    // The commonest Chinese characters (simplified and traditional forms), plus common resume words.
    const string CommonHanzi =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经" +
        "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关" +
        "各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题程展五果料象员位入常文总次品式活设" +
        "及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东" +
        "导器压志世金增争济阶思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信" +
        "马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史" +
        "感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听" +
        "该铁价严學經歷與業資電話們這會為個國時來開發專項際職務責負責經驗教育背景技能語言證書實習項目管理軟體軟件系統設計工程師";

    /// <param name="maxChars">Decode at most this many characters (the extraction cap); the rest of the bytes are never read.</param>
    public static DecodedText? TryDecode(ReadOnlySpan<byte> bytes, int maxChars = int.MaxValue)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Decode(Encoding.UTF8, bytes[3..], "utf-8 bom", maxChars);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Decode(Encoding.Unicode, bytes[2..], "utf-16le bom", maxChars);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Decode(Encoding.BigEndianUnicode, bytes[2..], "utf-16be bom", maxChars);

        var utf16 = Utf16WithoutBom(bytes);
        if (utf16 is not null) return Decode(utf16, bytes[..(bytes.Length & ~1)], utf16 == Encoding.Unicode ? "utf-16le" : "utf-16be", maxChars);

        // No encoding below needs more than 4 bytes a character: that many bytes hold the characters wanted (and one
        // more, so Finish makes the cut and never keeps half a character).
        long need = (maxChars + 1L) * 4;
        bool cut = bytes.Length > need;
        if (cut) bytes = bytes[..Utf8Boundary(bytes, (int)need)];

        byte[]? stripped = null;
        if (bytes.Contains((byte)0)) { stripped = new byte[bytes.Length - bytes.Count((byte)0)]; Strip(bytes, stripped); bytes = stripped; }

        try { return Finish(StrictUtf8.GetString(bytes), "utf-8", maxChars, cut); }
        catch (DecoderFallbackException) { }

        var (valid, invalid) = CountUtf8Sequences(bytes);
        if (valid > 0 && invalid <= valid / 5) return Finish(Encoding.UTF8.GetString(bytes), "utf-8 (lossy)", maxChars, cut);

        DecodedText? best = null;
        double bestScore = 0.25;
        foreach (var name in new[] { "GB18030", "big5" })
        {
            var text = Encoding.GetEncoding(name).GetString(bytes);
            var score = HanziScore(text);
            if (score > bestScore) { bestScore = score; best = new(text, name.ToLowerInvariant()); }
        }
        if (best is not null) return Finish(best.Text, best.EncodingName, maxChars, cut);
        // Mostly ASCII with few non-ASCII characters: a handful of corrupted bytes can outnumber the valid
        // sequences, but decoding those as Windows-1252 would turn every valid one into mojibake ("â€“").
        // Legacy single-byte text almost never forms valid UTF-8 sequences by chance.
        if (valid >= 2 && invalid <= valid * 4) return Finish(Encoding.UTF8.GetString(bytes), "utf-8 (lossy)", maxChars, cut);
        return Finish(Encoding.GetEncoding(1252).GetString(bytes), "windows-1252", maxChars, cut);
    }

    static DecodedText? Decode(Encoding encoding, ReadOnlySpan<byte> bytes, string name, int maxChars)
    {
        // UTF-8 needs at most 3 bytes a UTF-16 code unit, UTF-16 exactly 2 (one unit more: see above).
        long need = (maxChars + 1L) * (encoding is UTF8Encoding ? 3 : 2);
        bool cut = bytes.Length > need;
        if (cut) bytes = encoding is UTF8Encoding ? bytes[..Utf8Boundary(bytes, (int)need)] : bytes[..(int)need];
        return Finish(encoding.GetString(bytes), name, maxChars, cut);
    }

    static DecodedText? Finish(string text, string encoding, int maxChars, bool cut)
    {
        if (text.Length > maxChars)
        {
            // Never end on half a surrogate pair.
            text = text[..(char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars)];
            cut = true;
        }
        if (text.Length == 0) return new(text, encoding, cut);
        int bad = 0;
        foreach (var c in text)
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))) bad++;
        if (bad > text.Length / 10) return null;
        return new(text.Contains('\0') ? text.Replace("\0", "") : text, encoding, cut);
    }

    // The largest length <= max that does not end inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
    static int Utf8Boundary(ReadOnlySpan<byte> b, int max)
    {
        int n = max;
        while (n > 0 && max - n < 3 && (b[n] & 0xC0) == 0x80) n--;
        return n;
    }

    static void Strip(ReadOnlySpan<byte> from, Span<byte> to)
    {
        int j = 0;
        foreach (var b in from) if (b != 0) to[j++] = b;
    }

    static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> b)
    {
        int n = Math.Min(b.Length, 4096) & ~1;
        if (n < 16) return null;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2) { if (b[i] == 0) evenZero++; if (b[i + 1] == 0) oddZero++; }
        int pairs = n / 2;
        if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return Encoding.Unicode;
        if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return Encoding.BigEndianUnicode;
        return null;
    }

    static (int valid, int invalid) CountUtf8Sequences(ReadOnlySpan<byte> b)
    {
        int valid = 0, invalid = 0;
        for (int i = 0; i < b.Length;)
        {
            var status = System.Text.Rune.DecodeFromUtf8(b[i..], out _, out var consumed);
            if (b[i] >= 0x80) { if (status == System.Buffers.OperationStatus.Done) valid++; else invalid++; }
            i += Math.Max(consumed, 1);
        }
        return (valid, invalid);
    }

    static double HanziScore(string text)
    {
        int cjk = 0, common = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF') { cjk++; if (CommonHanzi.Contains(c)) common++; }
        }
        return cjk < 4 ? 0 : (double)common / cjk;
    }
}
