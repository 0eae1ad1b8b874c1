using AtsParser.Core.Parsing.Heuristic;

namespace AtsParser.Core.Parsing.Derivation;

/// <summary>
/// E.164 from a printed phone number: explicit when it carries '+' or '00', otherwise only when the country is known
/// (from the candidate's location or the document language) and the digit count fits that country's plan.
/// </summary>
public static class PhoneNumbers
{
    public static string Digits(string raw) => new(raw.Where(char.IsAsciiDigit).ToArray());

    public static string? ToE164(string raw, string? countryCode)
    {
        var cleaned = raw.Replace("(0)", "");
        var digits = Digits(cleaned);
        if (digits.Length is < 7 or > 15) return null;
        int firstDigit = cleaned.IndexOfAny("0123456789".ToCharArray());
        bool plus = firstDigit > 0 && cleaned[..firstDigit].Contains('+');
        if (plus) return Valid("+" + digits);
        if (digits.StartsWith("00", StringComparison.Ordinal)) return Valid("+" + digits[2..]);
        var country = Geo.CountryByCode(countryCode);
        if (country is null) return null;
        if (digits.Length == country.CallingCode.Length + country.NationalDigits && digits.StartsWith(country.CallingCode, StringComparison.Ordinal))
            return Valid("+" + digits);
        var national = digits.StartsWith('0') && country.CallingCode != "1" ? digits[1..] : digits;
        return national.Length == country.NationalDigits ? Valid("+" + country.CallingCode + national) : null;
    }

    static string? Valid(string e164) => e164.Length is >= 9 and <= 16 ? e164 : null;
}
