namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// The candidate's profile and personal links. From the text: header and personal lines, plus profile URLs anywhere
/// except job/project sections (company and project sites are not the candidate's). From link annotations: profile-type
/// targets only (advisors' homepages and project repos are annotations too), preferring the target over a shortened label.
/// </summary>
static partial class LinkExtractor
{
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?<site>github|gitlab|linkedin|twitter|youtube|quora|kaggle)\s*(?:://|:)\s*(?<h>[@/]?[\w./-]{2,60})")]
    private static partial System.Text.RegularExpressions.Regex Handle();

    static readonly string[] ProfileHosts =
    [
        "linkedin.com", "github.com", "gitlab.com", "bitbucket.org", "twitter.com", "x.com", "youtube.com", "quora.com", "medium.com",
        "stackoverflow.com", "kaggle.com", "behance.net", "dribbble.com", "linktr.ee", "about.me", "xing.com", "facebook.com", "instagram.com",
        "leetcode.com", "hackerrank.com", "codepen.io", "dev.to", "hashnode.com", "scholar.google.com", "researchgate.net", "orcid.org",
    ];

    public static List<Link> Extract(ResumeDocument doc, IReadOnlyList<string> annotations, List<string> emails)
    {
        var found = new List<string>();
        var lines = doc.Lines;
        for (int i = 0; i < lines.Length; i++)
        {
            bool zone = doc.InContactZone(i);
            bool jobs = doc.KindOf(i) is SectionKinds.Experience or SectionKinds.Projects or SectionKinds.Education or SectionKinds.Publications;
            if (!ContactPatterns.MayHoldUrl(lines[i])) continue;
            foreach (System.Text.RegularExpressions.Match m in ContactPatterns.Url().Matches(lines[i]))
            {
                var url = m.Value.TrimEnd('.', ')', ']', ':');
                // A URL wrapped onto the next line ("linkedin.com/in/christianl" + "arico/").
                if (m.Index + m.Length >= lines[i].TrimEnd().Length && i + 1 < lines.Length && url.Contains('/') && IsUrlTail(lines[i + 1].Trim()))
                    url += lines[i + 1].Trim();
                if (emails.Any(e => e.EndsWith(url, StringComparison.OrdinalIgnoreCase))) continue;
                bool profile = IsProfile(url);
                if ((zone && !jobs) || (profile && !jobs && ProfilePath(url))) Add(found, url);
            }
        }
        for (int i = 0; i < lines.Length; i++)
            if (doc.InContactZone(i))
                foreach (System.Text.RegularExpressions.Match m in Handle().Matches(lines[i]))
                    if (HandleUrl(m.Groups["site"].Value, m.Groups["h"].Value) is { } url) Add(found, url);
        foreach (var a in annotations)
        {
            if (!a.StartsWith("http", StringComparison.OrdinalIgnoreCase) || !IsProfile(a) || !ProfilePath(a)) continue;
            Add(found, a);
        }
        return found.Select(u => new Link(u, TypeOf(u))).ToList();
    }

    /// <summary>"GitHub: @posquit0", "LinkedIn:// debarghyadas", "LinkedIn: /in/x" → the profile URL the label names.</summary>
    static string? HandleUrl(string site, string handle)
    {
        var h = handle.Trim().TrimStart('@', '/').TrimEnd('/', '.', ',');
        if (h.StartsWith("in/", StringComparison.OrdinalIgnoreCase)) h = h[3..];
        if (h.Length < 2 || h.Contains('/') || h.Contains('.')) return null;
        return site.ToLowerInvariant() switch
        {
            "github" => "https://github.com/" + h,
            "gitlab" => "https://gitlab.com/" + h,
            "linkedin" => "https://www.linkedin.com/in/" + h,
            "twitter" or "x" => "https://twitter.com/" + h,
            "youtube" => "https://www.youtube.com/user/" + h,
            "quora" => "https://www.quora.com/" + h,
            "kaggle" => "https://www.kaggle.com/" + h,
            _ => null,
        };
    }

    static void Add(List<string> found, string url)
    {
        var key = Key(url);
        for (int i = 0; i < found.Count; i++)
        {
            var other = Key(found[i]);
            if (other == key) return;
            if (Host(other) != Host(key)) continue;
            // A truncated target or a shortened visible label of the same profile: keep the more complete one.
            if (key.StartsWith(other, StringComparison.Ordinal) || LastSegment(other) == LastSegment(key)) { found[i] = url.Length >= found[i].Length ? url : found[i]; return; }
            if (other.StartsWith(key, StringComparison.Ordinal)) return;
        }
        found.Add(url);
    }

    static bool IsUrlTail(string s) => s.Length is > 0 and < 40 && !s.Contains(' ') && s.EndsWith('/') && s.All(c => char.IsLetterOrDigit(c) || c is '/' or '-' or '_' or '.');

    public static string Key(string url)
    {
        var u = url.Trim();
        foreach (var p in new[] { "https://", "http://" }) if (u.StartsWith(p, StringComparison.OrdinalIgnoreCase)) u = u[p.Length..];
        if (u.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) u = u[4..];
        u = u.TrimEnd('/');
        int slash = u.IndexOf('/');
        return slash < 0 ? u.ToLowerInvariant() : u[..slash].ToLowerInvariant() + u[slash..];
    }

    static string Host(string key) { int s = key.IndexOf('/'); return s < 0 ? key : key[..s]; }

    static string LastSegment(string key) { int s = key.LastIndexOf('/'); return s < 0 ? "" : key[(s + 1)..].ToLowerInvariant(); }

    static bool IsProfile(string url)
    {
        var host = Host(Key(url));
        return host.EndsWith(".github.io", StringComparison.Ordinal) || ProfileHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
    }

    /// <summary>github.com/user is a profile; github.com/user/repo is a project.</summary>
    static bool ProfilePath(string url)
    {
        var key = Key(url);
        var path = key.Contains('/') ? key[(key.IndexOf('/') + 1)..].Split('?')[0] : "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var host = Host(key);
        if (host is "github.com" or "gitlab.com" or "bitbucket.org") return segments.Length == 1;
        return host.EndsWith(".github.io", StringComparison.Ordinal) || segments.Length >= 1;
    }

    public static string TypeOf(string url)
    {
        var host = Host(Key(url));
        if (host.EndsWith("linkedin.com", StringComparison.Ordinal)) return LinkTypes.LinkedIn;
        if (host == "github.com") return LinkTypes.GitHub;
        if (host.EndsWith(".github.io", StringComparison.Ordinal) || !ProfileHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal)))
            return LinkTypes.Portfolio;
        return LinkTypes.Other;
    }
}
