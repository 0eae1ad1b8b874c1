using System.Text.RegularExpressions;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// OCR noise around contact data: icons read as letters. An envelope icon glued to an e-mail as capitals
/// ("SZjane@x.org", a lower-case address never starts with two capitals), a phone icon read as a lone 0/O/©
/// before "(+" or "+", a globe read as '@' glued to "www." or "http".
/// </summary>
public static partial class OcrCleanup
{
    [GeneratedRegex(@"(?<![\w.@-])[A-Z]{2,3}(?=[a-z0-9][a-z0-9._%+-]*@[A-Za-z0-9-]+\.[A-Za-z]{2,})")]
    private static partial Regex IconBeforeEmail();

    [GeneratedRegex(@"(?<=^|[ \t])-?[0OQ®©]\s+(?=\(?\+\d)", RegexOptions.Multiline)]
    private static partial Regex IconBeforePhone();

    [GeneratedRegex(@"(?<=^|[ \t])@(?=www\.|https?://)", RegexOptions.Multiline)]
    private static partial Regex IconBeforeUrl();

    public static string Clean(string text)
    {
        text = IconBeforeEmail().Replace(text, "");
        text = IconBeforePhone().Replace(text, "");
        return IconBeforeUrl().Replace(text, "");
    }
}
