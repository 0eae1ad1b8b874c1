using System.Text;

namespace AtsParser.Core.Extraction;

/// <summary>An icon glyph removed from a line of the text, and what it announced ("email": the line is an e-mail).</summary>
public sealed record IconHint(string Kind, int Line);

/// <summary>
/// Private-use characters: icon fonts (Font Awesome) and Word's Symbol/Wingdings bullets. Icons are removed from
/// the text and kept as hints on their line; the Symbol-font bullets become the bullets they draw; anything
/// else in the private-use area is unreadable and removed.
/// Code points from the Font Awesome 4.7 / 5 cheat sheets (fontawesome.com, icons CC BY 4.0, code MIT): the
/// code point of a glyph is a fact of the font, not its artwork.
/// </summary>
public static class Glyphs
{
    static readonly Dictionary<char, string> Icons = new()
    {
        ['\uF0E0'] = "email", ['\uF003'] = "email", ['\uF199'] = "email", ['\uF2B6'] = "email", ['\uF2B7'] = "email",
        ['\uF095'] = "phone", ['\uF098'] = "phone", ['\uF10B'] = "phone", ['\uF3CD'] = "phone", ['\uF879'] = "phone", ['\uF2A0'] = "phone",
        ['\uF041'] = "location", ['\uF3C5'] = "location", ['\uF124'] = "location", ['\uF015'] = "location",
        ['\uF0E1'] = "linkedin", ['\uF08C'] = "linkedin",
        ['\uF09B'] = "github", ['\uF092'] = "github", ['\uF113'] = "github",
        ['\uF0AC'] = "web", ['\uF0C1'] = "web",
        ['\uF099'] = "twitter", ['\uF081'] = "twitter",
    };

    // Word writes bullets from the Symbol and Wingdings fonts as U+F0xx (the font's byte + 0xF000).
    static readonly Dictionary<char, char> Bullets = new() { ['\uF0B7'] = '•', ['\uF0A7'] = '▪', ['\uF0D8'] = '➢', ['\uF076'] = '❖', ['\uF0FC'] = '✓', ['\uF06E'] = '■' };

    public static (string Text, IReadOnlyList<IconHint> Hints) RemoveIcons(string text)
    {
        if (!HasPrivateUse(text)) return (text, []);
        var sb = new StringBuilder(text.Length);
        var hints = new List<IconHint>();
        int line = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') { line++; sb.Append(c); continue; }
            if (Bullets.TryGetValue(c, out var bullet)) { sb.Append(bullet); continue; }
            bool pua = c is >= '\uE000' and <= '\uF8FF';
            bool puaPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.ConvertToUtf32(c, text[i + 1]) >= 0xF0000;
            if (!pua && !puaPair) { sb.Append(c); continue; }
            if (puaPair) i++;
            if (pua && Icons.TryGetValue(c, out var kind) && hints.Count < 500) hints.Add(new IconHint(kind, line));
            // "<icon> text" at a line start loses the space too; between words one space stays.
            bool atStart = sb.Length == 0 || sb[^1] is '\n' or ' ';
            if (atStart && i + 1 < text.Length && text[i + 1] == ' ') i++;
        }
        return (sb.ToString(), hints);
    }

    static bool HasPrivateUse(string text)
    {
        foreach (var c in text) if (c is >= '\uE000' and <= '\uF8FF' || char.IsHighSurrogate(c)) return true;
        return false;
    }
}
