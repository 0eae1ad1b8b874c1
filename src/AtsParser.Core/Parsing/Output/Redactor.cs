using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Output;

public static class RedactionKinds
{
    public const string Name = "name", Email = "email", Phone = "phone", Url = "url", Address = "address";
}

/// <summary>One masked span: where (a JSON path in the response) and what kind of value it was.</summary>
public sealed record Redaction(string Path, string Kind);

/// <summary>
/// The anonymised view for bias-reduced screening (?redact=true). Masks the candidate's name (and its words),
/// e-mails, phones, URLs and street addresses in every string of the resume and in the extracted text, and lists
/// each masked span. Known values (what the parser found) are masked first, then anything matching the patterns,
/// so a referee's e-mail or a phone in prose is masked too. Metadata is left alone.
/// </summary>
public sealed class Redactor
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly List<(Regex Pattern, string Kind, Func<string, bool> Accept)> _rules = [];

    public Redactor(Resume resume)
    {
        var c = resume.Candidate;
        Known(c.Emails, RedactionKinds.Email);
        Known(c.Links.Select(l => l.Url), RedactionKinds.Url);
        Known(c.Phones.SelectMany(p => new[] { p.Raw, p.E164 }).OfType<string>(), RedactionKinds.Phone);
        _rules.Add((PiiPatterns.Email(), RedactionKinds.Email, Any));
        _rules.Add((PiiPatterns.Url(), RedactionKinds.Url, Any));
        _rules.Add((PiiPatterns.PhoneCandidate(), RedactionKinds.Phone, PiiPatterns.IsPhone));
        _rules.Add((PiiPatterns.StreetAddress(), RedactionKinds.Address, Any));
        if (c.Location is { } loc && PiiPatterns.StreetAddress().IsMatch(loc.Raw)) Known([loc.Raw], RedactionKinds.Address);
        var name = c.Name;
        Known(new[] { name?.Raw, name?.Given, name?.Family }.OfType<string>(), RedactionKinds.Name);
        // Each word of the name on its own ("Dr. Park", "Jane"), where it starts with a capital as names do.
        var words = (name?.Raw ?? "").Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Count(char.IsLetter) >= 2).Distinct();
        foreach (var w in words)
            _rules.Add((new Regex($@"(?<!\p{{L}}){Regex.Escape(w)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), RedactionKinds.Name, m => char.IsUpper(m[0])));
    }

    public static string Mask(string kind) => $"[{kind.ToUpperInvariant()}]";

    public (Resume Resume, List<Redaction> Redactions) Apply(Resume resume)
    {
        var node = JsonSerializer.SerializeToNode(resume, Json)!.AsObject();
        var redactions = new List<Redaction>();
        var meta = node["meta"];
        node.Remove("meta");
        Walk(node, "resume", redactions);
        node["meta"] = meta;
        return (node.Deserialize<Resume>(Json)!, redactions);
    }

    public string Apply(string text, string path, List<Redaction> redactions)
    {
        foreach (var (pattern, kind, accept) in _rules)
            text = pattern.Replace(text, m =>
            {
                if (!accept(m.Value)) return m.Value;
                redactions.Add(new Redaction(path, kind));
                return Mask(kind);
            });
        return text;
    }

    /// <summary>Masks the strings under a node in place; objects and arrays are walked, other values left alone.</summary>
    void Walk(JsonNode node, string path, List<Redaction> redactions)
    {
        if (node is JsonObject o)
            foreach (var (key, child) in o.ToList()) Visit(child, $"{path}.{key}", masked => o[key] = masked);
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++) { int at = i; Visit(a[i], $"{path}[{i}]", masked => a[at] = masked); }

        void Visit(JsonNode? child, string childPath, Action<JsonNode> replace)
        {
            if (child is JsonValue v && v.TryGetValue<string>(out var s))
            {
                var masked = Apply(s, childPath, redactions);
                if (masked != s) replace(JsonValue.Create(masked));
            }
            else if (child is not null) Walk(child, childPath, redactions);
        }
    }

    void Known(IEnumerable<string> values, string kind)
    {
        foreach (var v in values.Where(v => v.Trim().Length >= 2).OrderByDescending(v => v.Length))
            _rules.Add((new Regex(Regex.Escape(v.Trim()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), kind, Any));
    }

    static bool Any(string _) => true;
}
