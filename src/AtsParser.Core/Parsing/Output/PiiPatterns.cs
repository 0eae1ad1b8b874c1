using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Output;

/// <summary>Patterns for personal data that redaction masks even where the parser did not recognise it (referees, prose).</summary>
public static partial class PiiPatterns
{
    [GeneratedRegex(@"(?i)(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    public static partial Regex Email();

    /// <summary>A scheme or www., a host with a path, or a host under a common personal-site TLD (.net/.io/.js are left alone: ASP.NET, socket.io).</summary>
    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)[^\s,;)]+|\b(?:[a-z0-9-]+\.)+(?!(?:js|ts|jsx|tsx|py|rb|cs|sh|pdf|docx?|txt|exe|dll|net)\b)[a-z]{2,}/[^\s,;)]*|\b(?:[a-z0-9-]+\.)+(?:com|org|me|dev|de|ch|fr|es|pt|uk|co|ai|app|page|site|xyz|info)\b")]
    public static partial Regex Url();

    [GeneratedRegex(@"(?<![\w+])(?:\+|\(\+?)?\d[\d \t().\-/]{5,}\d(?!\w)")]
    public static partial Regex PhoneCandidate();

    /// <summary>Years, month/year and ISO dates: removed from a phone candidate before counting its digits, so date ranges are not phones.</summary>
    [GeneratedRegex(@"(?:\b\d{1,2}[./])?\b(?:19|20)\d{2}(?:[./-]\d{1,2}){0,2}\b")]
    private static partial Regex DateLike();

    public static bool IsPhone(string candidate) => DateLike().Replace(candidate, "").Count(char.IsAsciiDigit) >= 7;

    [GeneratedRegex(@"(?x)
        \b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Parkway|Pkwy\.?|Highway|Hwy\.?|Square|Sq\.?)(?:,?\s+(?:Apt|Suite|Unit|\#)\.?\s*\w+)?\b
      | \b[\p{L}-]+(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm)\s+\d{1,4}\s?[a-z]?\b
      | \b(?:Calle|C/|Avenida|Avda\.|Av\.|Rua|Rue|Chemin|Plaza|Praça|Travessa|Carrera|Jr\.|Jirón)\s+[\p{L}\d .'-]{2,40}?,?\s*(?:n[º°o]\.?\s*)?\d{1,5}\b
      | \b\d{1,4},?\s+(?:rue|avenue|boulevard|chemin|allée|place)\s+[\p{L}' -]{2,40}\b")]
    public static partial Regex StreetAddress();
}
