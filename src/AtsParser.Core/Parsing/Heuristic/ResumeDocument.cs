namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>The normalised lines of one resume and the section each line belongs to.</summary>
public sealed class ResumeDocument
{
    public string[] Lines { get; }
    public List<Section> Sections { get; }
    readonly string[] _kindOf;
    readonly bool[] _isHeading;

    public ResumeDocument(string text)
    {
        Lines = TextNormalizer.Lines(text);
        Sections = SectionDetector.Detect(Lines);
        _kindOf = new string[Lines.Length];
        _isHeading = new bool[Lines.Length];
        Array.Fill(_kindOf, SectionKinds.Header);
        foreach (var s in Sections)
        {
            if (s.HeadingLine >= 0 && s.Parent is null) { _kindOf[s.HeadingLine] = s.Kind; _isHeading[s.HeadingLine] = true; }
            foreach (var i in s.LineIndexes) _kindOf[i] = s.Kind;
        }
        foreach (var s in Sections.Where(s => s.Parent is not null)) { _kindOf[s.HeadingLine] = s.Kind; _isHeading[s.HeadingLine] = true; }
    }

    public string KindOf(int line) => _kindOf[line];

    public bool IsHeading(int line) => _isHeading[line];

    public IEnumerable<Section> OfKind(string kind) => Sections.Where(s => s.Kind == kind);

    /// <summary>Header and personal-details lines: where a candidate's own contact data lives.</summary>
    public bool InContactZone(int line) => _kindOf[line] is SectionKinds.Header or SectionKinds.Personal;
}
