using PhoneNumbers;

namespace AtsParser.Core.Parsing.Derivation;

/// <summary>
/// E.164 from a printed phone number, by Google's libphonenumber: explicit when it carries '+' or '00', otherwise only
/// when the region is known (from the candidate's location or the document language). Only a number that is valid
/// for its country's numbering plan gets an E.164; the printed form is always kept as it is.
/// </summary>
public static class PhoneNormalizer
{
    // Thread-safe, and loads the numbering-plan metadata once per process.
    static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Loads the numbering plans now (0.5–0.9 s measured here) instead of in the first parse that has a phone.</summary>
    public static void Warm() => ToE164("+1 206 555 0149", null);

    public static string Digits(string raw) => new(raw.Where(char.IsAsciiDigit).ToArray());

    /// <param name="regionCode">ISO 3166-1 alpha-2 ("US", "DE"), or null when unknown.</param>
    public static string? ToE164(string raw, string? regionCode)
    {
        var digits = Digits(raw);
        if (digits.Length is < 7 or > 15) return null;
        int first = raw.IndexOfAny("0123456789".ToCharArray());
        bool plus = first > 0 && raw[..first].Contains('+');
        // "00" is the international prefix nearly everywhere; read it so even where the region is unknown or dials 011.
        bool idd = !plus && digits.StartsWith("00", StringComparison.Ordinal);
        // libphonenumber does not take middle dots ("06·12·34·56·78") as group separators.
        var text = idd ? "+" + digits[2..] : raw.Replace('·', ' ').Replace('\u2027', ' ');
        var region = plus || idd ? "ZZ" : regionCode;
        if (region is null) return null;
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException) { return null; }
    }
}

/// <summary>Warms the phone metadata in the background at start-up, so neither start-up nor the first parse waits for it.</summary>
sealed class PhoneNormalizerWarmUp : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken ct) => Task.Run(PhoneNormalizer.Warm, ct);
}
