using System.Text;

namespace AtsParser.Core.Documents;

public sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Decodes plain-text uploads: BOMs, UTF-16 without BOM (from the NUL pattern), strict UTF-8, mostly-valid UTF-8
/// (lossy), GB18030/Big5 (chosen by how many of the commonest Chinese characters the decoding yields) and a
/// Windows-1252 fallback. Returns null for binary data.
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

    public static DecodedText? TryDecode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Finish(Encoding.UTF8.GetString(bytes[3..]), "utf-8 bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Finish(Encoding.Unicode.GetString(bytes[2..]), "utf-16le bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Finish(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be bom");

        var utf16 = Utf16WithoutBom(bytes);
        if (utf16 is not null) return Finish(utf16.GetString(bytes[..(bytes.Length & ~1)]), utf16 == Encoding.Unicode ? "utf-16le" : "utf-16be");

        byte[]? stripped = null;
        if (bytes.Contains((byte)0)) { stripped = bytes.ToArray().Where(b => b != 0).ToArray(); bytes = stripped; }

        try { return Finish(StrictUtf8.GetString(bytes), "utf-8"); }
        catch (DecoderFallbackException) { }

        var (valid, invalid) = CountUtf8Sequences(bytes);
        if (valid > 0 && invalid <= valid / 5) return Finish(Encoding.UTF8.GetString(bytes), "utf-8 (lossy)");

        DecodedText? best = null;
        double bestScore = 0.25;
        foreach (var name in new[] { "GB18030", "big5" })
        {
            var text = Encoding.GetEncoding(name).GetString(bytes);
            var score = HanziScore(text);
            if (score > bestScore) { bestScore = score; best = new(text, name.ToLowerInvariant()); }
        }
        if (best is not null) return Finish(best.Text, best.EncodingName);
        // Mostly ASCII with few non-ASCII characters: a handful of corrupted bytes can outnumber the valid
        // sequences, but decoding those as Windows-1252 would turn every valid one into mojibake ("â€“").
        // Legacy single-byte text almost never forms valid UTF-8 sequences by chance.
        if (valid >= 2 && invalid <= valid * 4) return Finish(Encoding.UTF8.GetString(bytes), "utf-8 (lossy)");
        return Finish(Encoding.GetEncoding(1252).GetString(bytes), "windows-1252");
    }

    static DecodedText? Finish(string text, string encoding)
    {
        if (text.Length == 0) return new(text, encoding);
        int bad = 0;
        foreach (var c in text)
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))) bad++;
        if (bad > text.Length / 10) return null;
        return new(text.Replace("\0", ""), encoding);
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
