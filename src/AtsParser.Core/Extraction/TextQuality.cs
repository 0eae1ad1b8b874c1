using System.Text;

namespace AtsParser.Core.Extraction;

/// <summary>Cleans extractor output and judges whether it is usable text.</summary>
public static class TextQuality
{
    static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    /// <summary>
    /// Drops control characters (keeping tab, newline, form feed), normalises line endings, NBSP and hyphens, recomposes
    /// accents, and removes page furniture (<see cref="PageFurniture"/>): every extractor's output passes here once.
    /// </summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r') { sb.Append('\n'); if (i + 1 < text.Length && text[i + 1] == '\n') i++; continue; }
            if (c is '\n' or '\t' or '\f') { sb.Append(c); continue; }
            if (c == '\u00A0') { sb.Append(' '); continue; }
            // Hyphen and non-breaking hyphen read as '-'; a soft hyphen is invisible wherever it survives to here.
            if (c is '\u2010' or '\u2011') { sb.Append('-'); continue; }
            if (c == '\u00AD') continue;
            if (char.IsControl(c) || c == '\uFEFF' || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E') continue;
            // Ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) from PDF fonts and OCR: the letters they draw.
            if (c is >= '\uFB00' and <= '\uFB06') { sb.Append(Ligatures[c - '\uFB00']); continue; }
            sb.Append(c);
        }
        // Some PDF text layers split umlauts and accents into letter + combining mark: recompose (NFC).
        var s = sb.ToString();
        return PageFurniture.Strip(s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC));
    }

    public static int MeaningfulChars(string text)
    {
        int n = 0;
        foreach (var c in text) if (char.IsLetterOrDigit(c)) n++;
        return n;
    }

    /// <summary>
    /// True when the text is mostly replacement characters, private-use glyphs or symbols: what a PDF with a
    /// broken font map or a binary file read as text gives.
    /// </summary>
    public static bool IsGarbage(string text)
    {
        int letters = 0, junk = 0, total = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            total++;
            if (char.IsLetterOrDigit(c)) letters++;
            else if (c == '\uFFFD' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.PrivateUse
                     or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned) junk++;
        }
        if (total == 0) return false;
        return junk > total / 5 || letters < total * 0.4;
    }
}
