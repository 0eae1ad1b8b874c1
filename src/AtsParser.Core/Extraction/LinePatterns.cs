using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AtsParser.Core.Extraction;

/// <summary>What a line is, for page furniture and compaction: contact, date, page number or boilerplate.</summary>
public static partial class LinePatterns
{
    public static bool HasContact(string line) => EmailRegex().IsMatch(line) || UrlRegex().IsMatch(line) || PhoneRegex().IsMatch(line) || ContactLabelRegex().IsMatch(line);

    public static bool HasDate(string line) => YearRegex().IsMatch(line) || NumericDateRegex().IsMatch(line) || MonthDateRegex().IsMatch(line) || PresentRegex().IsMatch(line);

    public static bool IsPageNumber(ReadOnlySpan<char> line) => PageNumberRegex().IsMatch(line);

    public static bool IsBoilerplate(string line) => BoilerplateRegex().IsMatch(line);

    /// <summary>Lower case, accents removed, whitespace collapsed: the key for "same line".</summary>
    public static string Key(string line)
    {
        var d = line.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        bool space = false;
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    public static partial Regex EmailRegex();

    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|in|de|es|co|ai|app|info|edu|gov|uk|fr|pt|br|cn|me)\b(?:/\S*)?")]
    public static partial Regex UrlRegex();

    /// <summary>Seven or more digits with the separators phones use; dates match too, which is harmless for protection.</summary>
    [GeneratedRegex(@"(?:\+|\(\+?)?\d[\d\s().\-/]{5,}\d")]
    public static partial Regex PhoneRegex();

    [GeneratedRegex(@"(?i)^\W*(?:e-?mail|phone|tel|telefon|teléfono|telefone|mobile|mobil|móvil|celular|cell|contact|kontakt|address|adresse|dirección|endereço|linkedin|github)\b")]
    private static partial Regex ContactLabelRegex();

    [GeneratedRegex(@"(?<!\d)(?:19[4-9]\d|20[0-4]\d)(?!\d)")]
    public static partial Regex YearRegex();

    [GeneratedRegex(@"(?<!\d)\d{1,2}[./-]\d{2,4}(?!\d)")]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|ene|abr|ago|dic|fév|févr|avr|juil|août|déc|fev|set|out)[a-zäéû]*\.?[\s,'’-]*\d{2,4}\b")]
    private static partial Regex MonthDateRegex();

    [GeneratedRegex(@"(?i)\b(?:present|current|till date|to date|now|heute|aktuell|actualidad|actual|en curso|presente|atual|atualmente|à ce jour|aujourd'hui)\b|至今|现在")]
    private static partial Regex PresentRegex();

    [GeneratedRegex(@"(?i)^[\s\-–—|]*(?:(?:page|seite|página|pagina|pág\.?|p\.)\s*)?\d{1,3}\s*(?:(?:of|von|de|sur|/)\s*\d{1,3})?[\s\-–—|]*$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"(?ix)^\W*(?:
        references?\s+(?:are\s+|will\s+be\s+)?(?:available|furnished|provided)\s+(?:up)?on\s+(?:request|demand)
      | (?:referenzen|zeugnisse)\s+(?:werden\s+)?auf\s+anfrage
      | références\s+(?:disponibles\s+)?sur\s+demande
      | referencias\s+(?:disponibles\s+)?(?:a|bajo|bajo\s+)\s*(?:petición|solicitud|pedido)
      | referências\s+(?:disponíveis\s+)?(?:sob|mediante)\s+(?:solicitação|pedido)
      | jump\s+to\s+section.*
      | verified\s*:.*
      | (?:marital\s+status|notice\s+period|functional\s+area|industry|pref\.?\s+location|preferred\s+location)\s*:.*
      | (?:curriculum\s+vitae|résumé|resume|cv|lebenslauf|hoja\s+de\s+vida)
      | (?:date|place|signature|lugar|fecha|firma|ort|datum|unterschrift)\s*[:.]?[\s_.]*
      | i\s+hereby\s+(?:declare|certify).*
    )\W*$")]
    private static partial Regex BoilerplateRegex();
}
