using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>A piece of an entry header after dates are cut out, with what it was labelled as (if anything).</summary>
public sealed record Fragment(string Text, string? Label, int Line)
{
    /// <summary>Pieces cut at one dash share a group (-1: none) and keep the whole segment they came from.</summary>
    public int DashGroup { get; init; } = -1;
    public string? Segment { get; init; }
}

/// <summary>
/// Cuts entry header lines into fragments: at " | ", " • ", wide gaps, " – " outside quotes, "Company as Title",
/// "Title at Company", and around a "City, ST" inside comma lists ("Harrow Ledger Partners, New Orleans, LA, Certified Public
/// Accountant"). Labelled lines ("Designation : X", "Company: Y") keep their label.
/// </summary>
public static partial class HeaderFragments
{
    public const string TitleLabel = "title", EmployerLabel = "employer", LocationLabel = "location", QuotedLabel = "quoted";

    public static bool IsClientVia(string line) => ClientVia().IsMatch(line);

    [GeneratedRegex(@"(?i)^[\W_]*(?:end\s+)?(?:clients?|kunde|cliente)\s*[:：\-–]\s*[^()]+?\s*(?:\(\s*|\s)(?:via|through|thru|by|über|über die|a través de|através da|através de|par|pour)\s+(?<e>[^()]{2,80}?)\)?\s*$")]
    private static partial Regex ClientVia();

    [GeneratedRegex(@"(?i)\s*\(\s*(?:end\s+)?(?:clients?|kunde|cliente)\s*[:：\-–]?\s*[^()]{2,80}\)")]
    private static partial Regex ClientAside();

    public static List<Fragment> From(string line, int index, Dates.DateRange? cut, bool experience = false)
    {
        var t = line;
        if (cut is not null && cut.Index + cut.Length <= t.Length) t = CutDates(t, cut.Index, cut.Length);
        // Contractors: "Client: Orvel Bank (via Tessaly Consulting)" names the employer in brackets;
        // "Tessaly Consulting (client: Orvel Bank)" names it before them. The client is not the employer.
        if (experience && ClientVia().Match(t) is { Success: true } via) return [new Fragment(via.Groups["e"].Value.Trim(), EmployerLabel, index)];
        if (t.Contains('(')) t = ClientAside().Replace(t, " ");
        t = RoleSplitter.Clean(t);
        // CJK rows set their cells apart with two spaces.
        if (NameExtractor.HasCjk(t)) t = CjkComma().Replace(CjkGap().Replace(t, " | "), ", ");
        if (t.Contains('|') || t.Contains("from", StringComparison.OrdinalIgnoreCase) || t.Contains("duration", StringComparison.OrdinalIgnoreCase))
            t = DateLabels().Replace(t, " ");
        if (t.Contains("://", StringComparison.Ordinal) || t.Contains("www.", StringComparison.Ordinal)) t = UrlInText().Replace(t, " ");
        t = t.Trim().Trim(['•', '●', '▪', '*', '|', '-', '–', ':', ',', ' ']).Trim();
        if (t.StartsWith('(') && !t.Contains(')')) t = t[1..];
        if (t.EndsWith(')') && !t.Contains('(')) t = t[..^1];
        var result = new List<Fragment>();
        if (t.Length == 0) return result;
        // A quoted employer (Hebrew rows: “company” – title).
        var q = Quoted().Match(t);
        if (q.Success)
        {
            result.Add(new Fragment(q.Groups["q"].Value.Trim(), QuotedLabel, index));
            t = (t[..q.Index] + " | " + t[(q.Index + q.Length)..]).Trim();
        }
        int groups = 0;
        foreach (var segment in Separators().Split(t))
        {
            // Pieces of one "a – b" segment keep the segment, so a title with a dash ("Director – IT Operations") can be rebuilt.
            var pieces = Dash().Split(segment);
            int group = pieces.Length == 2 ? groups++ : -1;
            foreach (var piece in pieces)
                foreach (var f in Piece(piece, index, experience))
                    result.Add(group < 0 ? f : f with { DashGroup = group, Segment = segment.Trim() });
        }
        return result;
    }

    /// <summary>
    /// A labelled employer "X Pvt. Ltd., Pune" or "Netsoft Solutions, Mumbai": the last comma part is the place when the
    /// rest carries company evidence (a legal form, a company word) and the part is a short capitalised name with none.
    /// </summary>
    static (string Company, string Place)? EmployerThenPlace(string value)
    {
        int comma = value.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma <= 0) return null;
        string head = value[..comma].Trim(), tail = value[(comma + 2)..].Trim().TrimEnd('.');
        if (tail.Length == 0 || !RoleSplitter.IsCityLike(tail) || JobTitles.CompanyScore(tail) > 0 || JobTitles.TitleScore(tail) > 0) return null;
        return JobTitles.CompanyScore(head) > 0 ? (head, tail) : null;
    }

    static IEnumerable<Fragment> Piece(string part, int index, bool experience)
    {
        var p = part.Trim().Trim('|', '-', '–', '—', ',', ':', '·', '•', '/', ' ').Trim();
        if (p.EndsWith('.') && !CompanyAbbreviation().IsMatch(p)) p = p.TrimEnd('.');
        if (p.Length == 0 || p.Equals("Link", StringComparison.OrdinalIgnoreCase)) yield break;
        var label = FieldLabels.Match(p);
        if (label is { Kind: FieldLabels.Employer } employer && EmployerThenPlace(employer.Value) is var (company, place))
        {
            // "Company: Infoway Technologies Pvt. Ltd., Pune": the place after a labelled employer is its location.
            yield return new Fragment(company, EmployerLabel, index);
            yield return new Fragment(place, LocationLabel, index);
            yield break;
        }
        if (label is { Kind: FieldLabels.Title or FieldLabels.Employer or FieldLabels.Location } labelled)
        {
            yield return new Fragment(labelled.Value, labelled.Kind switch
            {
                FieldLabels.Title => TitleLabel,
                FieldLabels.Location => LocationLabel,
                _ => EmployerLabel,
            }, index);
            yield break;
        }
        p = LinkSuffix().Replace(p, "").Trim();
        // The pattern needs "as" between spaces.
        var asMatch = p.Contains("as", StringComparison.Ordinal) ? AsTitle().Match(p) : null;
        if (asMatch is { Success: true })
        {
            yield return new Fragment(asMatch.Groups["c"].Value.Trim(), EmployerLabel, index);
            yield return new Fragment(asMatch.Groups["t"].Value.Trim(), TitleLabel, index);
            yield break;
        }
        foreach (var f in SplitAroundPlace(p, index, experience))
            if (experience && f.Label is null) foreach (var r in RoleSplitter.Split(f.Text, index)) yield return r;
            else yield return f;
    }

    /// <summary>The dates become a separator, with the brackets around them: "Bremen (12.2019 — 04.2022)" keeps no "(".</summary>
    static string CutDates(string t, int index, int length)
    {
        int from = index, to = index + length;
        int before = from - 1, after = to;
        while (before >= 0 && t[before] == ' ') before--;
        while (after < t.Length && t[after] == ' ') after++;
        if (before >= 0 && after < t.Length && t[before] is '(' or '[' && t[after] is ')' or ']') { from = before; to = after + 1; }
        return t[..from] + " | " + t[to..];
    }

    /// <summary>
    /// "Firma 2 (Ort)", "Nordlicht GmbH (Hamburg)", "Acme (Berlin, Germany)" are places; "Quillon Pay Inc. (QuillPay)",
    /// "Lovely Professional University (LPU)", "SME( Computer Science )" are part of the name.
    /// </summary>
    static bool IsParenthesisedPlace(string before, string inside)
    {
        if (LocationExtractor.IsPlace(inside) || Remote().IsMatch(inside) || Geo.CountryNamed(inside) is not null) return true;
        // "Construtora Alvorada Ltda. (São Paulo)": after a legal form, a short capitalised name is the place.
        // A brand in CamelCase ("Quillon Pay Inc. (QuillPay)") stays part of the name.
        if (OpenVocabulary.EndsWithLegalForm(before) && RoleSplitter.IsCityLike(inside) && JobTitles.CompanyScore(inside) == 0 && !EmploymentKind().IsMatch(inside)
            && inside.Split(' ').All(w => !w.Skip(1).Any(char.IsUpper))) return true;
        if (inside.Contains(' ') || inside.Any(char.IsDigit) || inside.All(c => char.IsUpper(c) || c == '.') || EmploymentKind().IsMatch(inside)) return false;
        // A brand in CamelCase ("QuillPay") is an alias; a plain capitalised word is a place. What it follows decides the
        // rest: an organisation's name ("Hadley Outfitters", "Valbrune SARL"), not a title ("Engineer (Backend)").
        var named = NamePart().Match(before).Groups["n"].Value;
        return !inside.Skip(1).Any(char.IsUpper) && (JobTitles.TitleScore(named) == 0 || OpenVocabulary.EndsWithLegalForm(before));
    }

    static bool BracketedEmployer(string before, string inside)
    {
        if (before.Contains(',') || JobTitles.TitleScore(before) <= JobTitles.CompanyScore(before) || JobTitles.TitleScore(inside) > 0) return false;
        // Company evidence inside, not just capitals: "(Compulsory Military Service)" or "SME( Computer Science )" name no employer.
        var words = inside.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return JobTitles.CompanyScore(inside) > 0 && words.Length is >= 2 and <= 6 && RoleSplitter.StartsName(inside);
    }

    // The last name in "Store Manager, Hadley Outfitters" or "Comptable chez Valbrune SARL".
    [GeneratedRegex(@"(?:^|,\s|\s(?:at|@|chez|bei|en|em|na|no|for|in)\s)(?<n>[^,]*)$")]
    private static partial Regex NamePart();

    // "(Contract)", "(Freelance)", "(Teilzeit)": the kind of employment, not a place.
    [GeneratedRegex(@"(?i)^(?:contract|contractor|freelance|freelancer|temporary|temp|part[- ]time|full[- ]time|volunteer|seasonal|internship|permanent|interim|teilzeit|vollzeit|befristet|werkstudent|praktikum|cdd|cdi|stage|alternance|estágio|pasantía|prácticas|autónomo|autonomo|pj|clt)$")]
    private static partial Regex EmploymentKind();

    static IEnumerable<Fragment> SplitAroundPlace(string p, int index, bool experience)
    {
        // "Ostrava Freight Ltd (Manchester, UK)", "Store Manager, Hadley Outfitters (Leeds)": the bracketed place goes
        // first, so its comma does not cut the name; what is before it is read on its own.
        // The pattern needs an opening bracket.
        var paren = p.Contains('(') ? TrailingPlace().Match(p) : Match.Empty;
        if (paren.Success && paren.Groups["c"].Value.Trim() is { Length: > 0 } named && IsParenthesisedPlace(named, paren.Groups["p"].Value.Trim()))
        {
            foreach (var f in SplitAroundPlace(named, index, experience)) yield return f;
            yield return new Fragment(paren.Groups["p"].Value.Trim(), LocationLabel, index);
            yield break;
        }
        // "Product Designer (Quarrel Studio)": a title, then the organisation in brackets.
        if (experience && paren.Success && paren.Groups["c"].Value.Trim() is { Length: > 0 } title && BracketedEmployer(title, paren.Groups["p"].Value.Trim()))
        {
            yield return new Fragment(title, TitleLabel, index);
            yield return new Fragment(paren.Groups["p"].Value.Trim(), EmployerLabel, index);
            yield break;
        }
        var parts = p.Split(", ");
        for (int k = 1; k < parts.Length; k++)
        {
            var tail = parts[k].Trim();
            bool state = Geo.StateCountry(tail.Split(' ')[0]) is not null && TextNormalizer.SpaceParts(tail) <= 2;
            bool country = Geo.CountryNamed(tail) is not null;
            if (!state && !country) continue;
            if (k == 1 && parts.Length == 2 && !state && TextNormalizer.SpaceParts(parts[0]) > 3) continue;
            int cityAt = k - 1;
            if (cityAt > 0 || parts.Length > k + 1 || state)
            {
                var before = string.Join(", ", parts[..cityAt]);
                var place = string.Join(", ", parts[cityAt..(k + 1)]);
                var after = string.Join(", ", parts[(k + 1)..]);
                if (before.Length > 0) yield return new Fragment(before, null, index);
                yield return new Fragment(place, LocationLabel, index);
                if (after.Length > 0) yield return new Fragment(after, null, index);
                yield break;
            }
        }
        if (LocationExtractor.IsPlace(p) || Remote().IsMatch(p)) { yield return new Fragment(p, LocationLabel, index); yield break; }
        yield return new Fragment(p, null, index);
    }

    [GeneratedRegex(@"\s+\|\s*|\s*\|\s+|\s+[•·◆]\s+|\s{3,}|\t+|\s*;\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+[–—]\s+")]
    private static partial Regex Dash();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex CjkGap();

    // A full-width comma (NFKC makes it ",") between two CJK words: "杭州云帆网络科技有限公司，杭州".
    [GeneratedRegex(@"(?<=[\u3400-\u9FFF]),\s*(?=[\u3400-\u9FFF])")]
    private static partial Regex CjkComma();

    [GeneratedRegex(@"^(?<c>.{2,80}?)\s+as\s+(?:an?\s+)?(?<t>.{2,80})$")]
    internal static partial Regex AsTitle();

    [GeneratedRegex(@"[“""„«](?<q>[^“""”„«»]{2,80})[”""»]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?:https?://|www\.)\S+")]
    private static partial Regex UrlInText();

    // "Ltd.", "Inc.", "Co.", "Corp." keep their dot.
    [GeneratedRegex(@"(?i)\b(?:inc|ltd|co|corp|llc|s\.a|pvt|gmbh|bros|ltda|lda|cia|s\.l|c\.v|e\.v|s\.r\.l|s\.p\.a|s\.a\.s|b\.v|n\.v)\.?$")]
    private static partial Regex CompanyAbbreviation();

    [GeneratedRegex(@"\s*-\s*Link$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkSuffix();

    [GeneratedRegex(@"^(?<c>.{2,80}?)\s*\((?<p>[^()]{2,40})\)$")]
    internal static partial Regex TrailingPlace();

    [GeneratedRegex(@"^(?:remote|hybrid|remoto|télétravail|homeoffice|home office)$", RegexOptions.IgnoreCase)]
    private static partial Regex Remote();

    [GeneratedRegex(@"(?i)\b(?:from|von|desde|de|du|dal|duration|period|dates?|zeitraum|periodo|período|since|seit|ab|depuis|expected graduation|expected|graduated|grad\.?|période|时间|起止时间|期间|תקופה|in|on|im|em|en|au|预计)\s*:?-?\s*(?=\|)|\b(?:from|duration)\s*:-?")]
    private static partial Regex DateLabels();
}
