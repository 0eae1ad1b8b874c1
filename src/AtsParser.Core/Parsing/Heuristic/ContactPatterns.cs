using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>Patterns for contact data. Lines are capped at TextNormalizer.MaxLineLength; none of these nest quantifiers.</summary>
static partial class ContactPatterns
{
    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex Email();

    // Scheme or www URLs, and bare domains with a common TLD (lower case only, so "ASP.NET" or "Node.JS" never match).
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'|,;]{2,300}|(?<![@\w.-])(?:[a-z0-9-]{1,63}\.){1,3}(?:com|org|net|io|me|dev|co|ee|in|de|es|fr|pt|br|ai|app|info|xyz|tech|page|site|blog|ly)(?:/[^\s<>""'|,;]{0,300})?(?![\w.@])", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex Url();

    /// <summary>Whether Url() can match at all: all it finds holds "://", "www." or a dot before a lower-case letter.</summary>
    public static bool MayHoldUrl(string line)
    {
        if (line.Contains("://", StringComparison.Ordinal) || line.Contains("www.", StringComparison.Ordinal)) return true;
        for (int i = line.IndexOf('.'); i >= 0 && i + 1 < line.Length; i = line.IndexOf('.', i + 1))
            if (char.IsAsciiLetterLower(line[i + 1])) return true;
        return false;
    }

    [GeneratedRegex(@"(?i)\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|contact no|contact number|ph|handy|telefon|mobil|téléphone|portable|tél|teléfono|telefono|móvil|movil|celular|cel|telefone|whatsapp)\b|电话|手机|פלאפון|טלפון|נייד", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex PhoneLabel();

    // Numbers that are not phones even when they look like one.
    [GeneratedRegex(@"(?i)\b(?:dni|id|pin|zip|postal|plz|aadhaa?r|pan|passport|ssn|nif|nie|cpf|rg|roll|reg|registration|gpa|cgpa|dob|birth|geburtsdatum|fecha|nacimiento|naissance|nascimento|license|licence|isbn|doi)\b", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex NotPhoneLabel();

    [GeneratedRegex(@"^\s*(?:full\s+name|name|candidate\s+name|nombre(?:\s+completo)?|nombres|nom|nom\s+complet|nome(?:\s+completo)?|vor-?\s*und\s+nachname|姓名|名字|שם(?:\s+מלא)?)\s*(?:[:：]\s*|\s{2,})(?<v>\S.{0,60})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex NameLabel();

    // Hebrew and Arabic text in logical order can put the label after the value: "דנה לוי :שם".
    [GeneratedRegex(@"^\s*(?<v>\S.{0,60}?)\s*[:：]\s*(?:שם|שם מלא)\s*$", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex NameLabelAfter();

    [GeneratedRegex(@"^\s*(?:[-•*●▪]\s*)?(?:current\s+location|location|address|home\s+address|residence|city|adresse|anschrift|wohnort|wohnhaft|dirección|direccion|domicilio|residencia|ubicación|ciudad|endereço|endereco|morada|localização|cidade|כתובת|עיר|地址|所在地|现居地)\s*[:：]\s*(?<v>\S.{0,150})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex LocationLabel();

    [GeneratedRegex(@"(?i)\b(?:father|mother|husband|wife|spouse|guardian|parent)'?s?\b|\b(?:vater|mutter|père|mère|padre|madre|pai|mãe)\b", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex RelativeLabel();

    [GeneratedRegex(@"(?i)\b(?:referee|reference|referenz|référence|referencia|referência|supervisor|manager|contact person)\b", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex ThirdPartyLabel();

    // A job-portal label glued to the name ("JANE ROEFeatured Resume", "OMAR FENNPremium CV Featured Resume").
    [GeneratedRegex(@"(?:\s*(?:featured|premium|resume|résumé|cv|curriculum|vitae|profile|lebenslauf)\b)+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex PortalSuffix();

    [GeneratedRegex(@"(?<=[\p{Ll}\p{Lu}])(?=(?:Featured|Premium|Resume|CV)\b)", RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex GluedLabel();

    // "name [at] domain [dot] com", "name(at)domain.com": an address written against harvesters. At least one dot is
    // required after the domain, so "worked (at) night" is not an address.
    [GeneratedRegex(@"(?<![\w.+-])(?<l>[\w.+-]{1,64})\s*[\[({<]\s*at\s*[\])}>]\s*(?<d>[\w-]{1,63}(?:(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\.)[\w-]{1,63}){1,5})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex ObfuscatedEmail();

    /// <summary>An opening bracket, white space (as \s) and "at" in either case: what ObfuscatedEmail cannot match without.</summary>
    public static bool MayHoldBracketedAt(string line)
    {
        var s = line.AsSpan();
        while (true)
        {
            int i = s.IndexOfAny("[({<");
            if (i < 0) return false;
            s = s[(i + 1)..];
            int j = 0;
            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (j + 1 < s.Length && (s[j] | 0x20) == 'a' && (s[j + 1] | 0x20) == 't') return true;
        }
    }

    [GeneratedRegex(@"\s*[\[({<]\s*dot\s*[\])}>]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    public static partial Regex ObfuscatedDot();
}
