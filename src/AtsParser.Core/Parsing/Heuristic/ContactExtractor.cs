using AtsParser.Core.Parsing.Dates;
using AtsParser.Core.Parsing.Derivation;

namespace AtsParser.Core.Parsing.Heuristic;

public sealed record ContactInfo(PersonName? Name, List<string> Emails, List<Phone> Phones, Location? Location, List<Link> Links, string? Headline);

/// <summary>
/// The candidate's own contact data. E-mails anywhere except references; phones only where contact data lives (header,
/// personal details, next to an e-mail, or behind a phone label), never IDs or dates; location from a label (not a
/// preferred or birth place) or a "City, ST" segment of the header; links from the header plus profile-type link targets.
/// </summary>
static partial class ContactExtractor
{
    public static ContactInfo Extract(ResumeDocument doc, IReadOnlyList<string> annotationLinks, IReadOnlyList<Extraction.DocumentHint>? hints = null)
    {
        var lines = doc.Lines;
        var emails = new List<string>();
        var emailLines = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            // Both patterns need a literal '@' or an opening bracket and "at": most lines have neither and skip the scans
            // (and the third-party test before them).
            bool at = lines[i].Contains('@'), bracketed = ContactPatterns.MayHoldBracketedAt(lines[i]);
            if (!at && !bracketed) continue;
            if (doc.KindOf(i) == SectionKinds.References || ContactPatterns.ThirdPartyLabel().IsMatch(lines[i])) continue;
            if (at)
                foreach (System.Text.RegularExpressions.Match m in ContactPatterns.Email().Matches(lines[i]))
                {
                    var e = m.Value.TrimEnd('.', '-');
                    if (e.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) e = e[7..];
                    if (m.Index + m.Length == lines[i].TrimEnd().Length) e += WrappedTail(lines, i);
                    if (!emails.Contains(e, StringComparer.OrdinalIgnoreCase)) emails.Add(e);
                    emailLines.Add(i);
                }
            if (bracketed)
                foreach (System.Text.RegularExpressions.Match m in ContactPatterns.ObfuscatedEmail().Matches(lines[i]))
                {
                    var e = m.Groups["l"].Value + "@" + ContactPatterns.ObfuscatedDot().Replace(m.Groups["d"].Value, ".");
                    if (!ContactPatterns.Email().IsMatch(e) || !e[(e.LastIndexOf('.') + 1)..].All(char.IsAsciiLetter)) continue;
                    if (!emails.Contains(e, StringComparer.OrdinalIgnoreCase)) emails.Add(e);
                    emailLines.Add(i);
                }
        }
        // An address that exists only as a mailto: link target ("Email" printed on the link) is the candidate's too;
        // one printed in the text was already judged above (references, third parties).
        foreach (var target in annotationLinks)
        {
            if (!target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
            var address = Uri.UnescapeDataString(target[7..].Split('?')[0]).Trim();
            if (ContactPatterns.Email().Match(address) is { Success: true } m && m.Value.Length == address.Length
                && !lines.Any(l => l.Contains(address, StringComparison.OrdinalIgnoreCase)) && !emails.Contains(address, StringComparer.OrdinalIgnoreCase))
                emails.Add(address);
        }
        var (name, nameLine) = NameExtractor.Extract(doc, emails, hints);
        name ??= NameExtractor.FromEmail(doc, emails);
        var phones = new List<Phone>();
        for (int i = 0; i < lines.Length; i++)
        {
            // Every phone run starts at a digit or a plus: most lines need no label tests.
            if (!lines[i].AsSpan().ContainsAny(PhoneStarts)) continue;
            if (doc.KindOf(i) == SectionKinds.References || ContactPatterns.ThirdPartyLabel().IsMatch(lines[i])) continue;
            bool labelled = ContactPatterns.PhoneLabel().IsMatch(lines[i]);
            bool zone = doc.InContactZone(i) || emailLines.Any(e => Math.Abs(e - i) <= 2);
            if (!labelled && !zone) continue;
            foreach (var (candidate, start) in PhoneCandidates(lines[i]))
            {
                var raw = candidate;
                if (start + raw.Length >= lines[i].TrimEnd().Length && i + 1 < lines.Length) raw += ContinuedOnNextLine(raw, lines[i + 1]);
                if (!IsPhone(raw, lines[i][..start], labelled)) continue;
                var digits = PhoneNormalizer.Digits(raw);
                if (phones.Any(p => PhoneNormalizer.Digits(p.Raw) == digits)) continue;
                phones.Add(new Phone(raw, PhoneNormalizer.ToE164(raw, null)));
            }
        }
        var location = LocationExtractor.Extract(doc) ?? PlaceAfterName(doc, nameLine);
        var links = LinkExtractor.Extract(doc, annotationLinks, emails);
        return new ContactInfo(name, emails, phones, location, links, Headline(doc, nameLine));
    }

    static readonly System.Buffers.SearchValues<char> PhoneStarts = System.Buffers.SearchValues.Create("0123456789+");

    /// <summary>
    /// The end of an address wrapped in a narrow column ("vikram.ashdown@gmail.co" then "m" alone on the next line):
    /// a next line of one to three lower-case letters and nothing else finishes the domain.
    /// </summary>
    static string WrappedTail(string[] lines, int i)
    {
        if (i + 1 >= lines.Length) return "";
        var next = lines[i + 1].Trim();
        return next.Length is >= 1 and <= 3 && next.All(char.IsAsciiLetterLower) ? next : "";
    }

    /// <summary>
    /// The rest of a number broken at the line's end ("+1 415 555" then "0132"): a next line holding only 2–8 digits
    /// (with spaces or dashes) continues a run of fewer than 9 digits when the two together make 9–15.
    /// </summary>
    static string ContinuedOnNextLine(string raw, string next)
    {
        var t = next.Trim();
        if (t.Length is < 2 or > 16 || !t.All(c => char.IsAsciiDigit(c) || c is ' ' or '-') || !char.IsAsciiDigit(t[0])) return "";
        int have = PhoneNormalizer.Digits(raw).Length, more = PhoneNormalizer.Digits(t).Length;
        // "+91" then "98765 43210": a country code alone at the line's end takes a whole national number.
        bool codeOnly = raw.TrimStart().StartsWith('+') && have <= 3;
        return have < 9 && more >= 2 && more <= (codeOnly ? 12 : 8) && have + more is >= 9 and <= 15 ? " " + t : "";
    }

    /// <summary>Runs of digits and phone punctuation; two numbers printed in one run ("+49 151 … / +49 30 …") are two.</summary>
    static IEnumerable<(string Raw, int Start)> PhoneCandidates(string line)
    {
        foreach (var (raw, start) in PhoneRuns(line))
        {
            if (PhoneNormalizer.Digits(raw).Length <= 15) { yield return (raw, start); continue; }
            int from = 0;
            for (int k = 1; k <= raw.Length; k++)
            {
                bool split = k == raw.Length || raw[k] == '/' || (raw[k] == '+' && raw[k - 1] == ' ');
                if (!split) continue;
                var part = raw[from..k];
                int lead = part.Length - part.TrimStart(' ', '/').Length;
                part = part.Trim(' ', '/', '-', '.');
                if (part.Length > 0) yield return (part, start + from + lead);
                from = k;
            }
        }
    }

    /// <summary>Runs of digits and phone punctuation, found by a linear scan rather than a regex.</summary>
    static IEnumerable<(string Raw, int Start)> PhoneRuns(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            bool starts = char.IsAsciiDigit(c) || ((c is '+' or '(') && i + 1 < line.Length && (char.IsAsciiDigit(line[i + 1]) || line[i + 1] == '+'))
                // "+ 44 7700 900 456": a plus set apart from the country code.
                || (c == '+' && i + 2 < line.Length && line[i + 1] == ' ' && char.IsAsciiDigit(line[i + 2]));
            if (!starts || (i > 0 && (char.IsLetter(line[i - 1]) || line[i - 1] is '/' or '@' or '.' or '_'))) { i++; continue; }
            int j = i, spaces = 0;
            while (j < line.Length)
            {
                char d = line[j];
                // Middle dots ("06·12·34·56·78") separate groups as dots do.
                if (char.IsAsciiDigit(d) || d is '+' or '(' or ')' or '-' or '.' or '/' or '–' or '·' or '\u2027') { spaces = 0; j++; continue; }
                if (d == ' ' && ++spaces <= 1) { j++; continue; }
                break;
            }
            var raw = line[i..j].TrimEnd(' ', '-', '.', '/', '(', '–', '·');
            if (raw.Count(ch => ch == '(') != raw.Count(ch => ch == ')')) raw = raw.TrimEnd(')');
            // A letter right after the digits glues them to a word. After a space, a word only glues a short run
            // ("52 - 11111 Ort": a house number and a postcode), not a full number ("+1 (415) 555-0142 San Francisco");
            // after a separator it never does ("0151 97721317 / Leipzig").
            var run = line[i..j].TrimEnd(' ');
            bool wordAfter = j < line.Length && char.IsLetter(line[j]) && line[j] is not ('x' or 'X');
            bool glued = wordAfter && (line[j - 1] != ' ' || (run.Length > 0 && char.IsAsciiDigit(run[^1]) && PhoneNormalizer.Digits(run).Length < 9));
            if (!glued) yield return (raw, i);
            i = Math.Max(j, i + 1);
        }
    }

    static bool IsPhone(string raw, string before, bool labelled)
    {
        var digits = PhoneNormalizer.Digits(raw);
        if (digits.Length is < 7 or > 15) return false;
        if (ContactPatterns.NotPhoneLabel().IsMatch(before)) return false;
        // Dates and date ranges ("03/2018 - 05/2019", "22.4.87", "2015-2018") are not phones.
        if (DateParser.FindRanges(raw).Sum(r => r.Length) >= raw.Length * 0.5) return false;
        if (NumericDate().IsMatch(raw)) return false;
        if (labelled) return true;
        bool formatted = raw.StartsWith('+') || raw.StartsWith('(') || raw.Any(ch => ch is ' ' or '-' or '.');
        return digits.Length >= 9 || (formatted && digits.Length >= 7 && raw.Count(ch => ch is '-' or '.' or ' ') >= 1);
    }

    /// <summary>
    /// A name printed below a sidebar (a profile export: contact, skills, languages, then name, headline, place) is
    /// outside the header; the place within the three lines after it is the candidate's location.
    /// </summary>
    static Location? PlaceAfterName(ResumeDocument doc, int nameLine)
    {
        if (nameLine < 0 || doc.KindOf(nameLine) == SectionKinds.Header) return null;
        for (int i = nameLine + 1; i < doc.Lines.Length && i <= nameLine + 3; i++)
        {
            if (doc.IsHeading(i)) return null;
            var t = doc.Lines[i].Trim();
            if (LocationExtractor.IsPlace(t)) return LocationExtractor.Parse(t);
        }
        return null;
    }

    static string? Headline(ResumeDocument doc, int nameLine)
    {
        if (nameLine < 0) return null;
        bool inHeader = doc.KindOf(nameLine) == SectionKinds.Header;
        for (int i = nameLine + 1; i < doc.Lines.Length && i <= nameLine + 3; i++)
        {
            var t = doc.Lines[i].Trim();
            if (t.Length == 0) continue;
            if ((inHeader && doc.KindOf(i) != SectionKinds.Header) || doc.IsHeading(i)) return null;
            bool contact = t.Contains('@') || t.Contains("://") || t.Count(char.IsDigit) >= 4 || LocationExtractor.IsPlace(t);
            if (contact || TextNormalizer.SpaceParts(t) > 10 || t.EndsWith('.') || NameExtractor.LooksLikeName(t, false)) return null;
            // "Nationality: German", "Date of birth: …": a labelled detail is no headline.
            if (LabelledDetail().IsMatch(t)) return null;
            // Outside the header (a name in personal details or below a sidebar) only a line naming a job is a headline.
            if (!inHeader && !NameExtractor.NamesAJob(t)) return null;
            return t.Trim('|', '•', '·', ' ');
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\p{L}[\p{L} ()'/.-]{1,30}[:：]\s*\S", System.Text.RegularExpressions.RegexOptions.None, AtsParser.Core.Parsing.RegexGuard.Milliseconds)]
    private static partial System.Text.RegularExpressions.Regex LabelledDetail();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")]
    private static partial System.Text.RegularExpressions.Regex NumericDate();
}
