namespace AtsParser.Core.Extraction;

/// <summary>
/// A hyperlink: its target, the text a reader sees on it and the 1-based page (PDF) it sits on.
/// MailtoMismatch is true when a mailto: target names another address than the e-mail printed on it
/// (a template's placeholder link, someone else's address): kept for the record, not used as the candidate's.
/// </summary>
public sealed record ExtractedLink(string Target, string? Text, int? Page = null)
{
    public bool? MailtoMismatch { get; init; }
}

/// <summary>single-column, multi-column (reading order rebuilt column by column) or table (rows kept as lines).</summary>
public sealed record ExtractionLayout(string Kind, int Columns)
{
    public const string SingleColumn = "single-column";
    public const string MultiColumn = "multi-column";
    public const string Table = "table";

    public static readonly ExtractionLayout Single = new(SingleColumn, 1);
}

public static class LinkTargets
{
    public const int MaxLinks = 200;

    /// <summary>http, https and mailto only: javascript:, file: and relative targets are not the candidate's links.</summary>
    public static bool IsUseful(string? target) =>
        target is { Length: > 0 and < 2048 } && Uri.TryCreate(target.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "mailto";

    /// <summary>Builds a link, marking a mailto: whose printed text is another e-mail address than its target.</summary>
    public static ExtractedLink Create(string target, string? text, int? page = null)
    {
        target = target.Trim();
        text = string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text is { Length: > 300 }) text = text[..300];
        bool? mismatch = null;
        if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && text is not null && text.Contains('@'))
        {
            var address = Uri.UnescapeDataString(target[7..].Split('?')[0]).Trim();
            var shown = text.Trim().Trim('<', '>', '(', ')', '.', ',', ';', ':');
            if (!shown.Contains(address, StringComparison.OrdinalIgnoreCase)) mismatch = true;
        }
        return new ExtractedLink(target, text, page) { MailtoMismatch = mismatch };
    }

    /// <summary>One entry per (target, text, page), at most MaxLinks, in document order.</summary>
    /// <summary>The useful ones of a reader's (target, visible text) pairs, once each.</summary>
    public static IReadOnlyList<ExtractedLink> FromPairs(IEnumerable<(string Target, string? Text)> links) =>
        Distinct(links.Where(l => IsUseful(l.Target)).Select(l => Create(l.Target, l.Text)));

    public static IReadOnlyList<ExtractedLink> Distinct(IEnumerable<ExtractedLink> links) =>
        links.DistinctBy(l => (l.Target, l.Text, l.Page)).Take(MaxLinks).ToList();
}
