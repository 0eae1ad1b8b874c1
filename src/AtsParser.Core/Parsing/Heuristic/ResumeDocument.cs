namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>The normalised lines of one resume and the section each line belongs to.</summary>
public sealed class ResumeDocument
{
    public string[] Lines { get; }
    public List<Section> Sections { get; }
    readonly string[] _kindOf;
    readonly bool[] _isHeading;

    /// <summary>Mostly Hebrew (or Arabic) letters: date ranges on digit-only lines may be printed end first.</summary>
    public bool RightToLeft { get; }

    public ResumeDocument(string text)
    {
        ParseMemo.Forget();
        Lines = ColumnTables.Repair(TextNormalizer.Lines(text));
        RightToLeft = IsRightToLeft(text);
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

    static bool IsRightToLeft(string text)
    {
        int rtl = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u0590' and <= '\u06FF') rtl++;
        }
        return letters > 0 && rtl * 2 >= letters;
    }

    public string KindOf(int line) => _kindOf[line];

    public bool IsHeading(int line) => _isHeading[line];

    public IEnumerable<Section> OfKind(string kind) => Sections.Where(s => s.Kind == kind);

    /// <summary>Header and personal-details lines: where a candidate's own contact data lives.</summary>
    public bool InContactZone(int line) => _kindOf[line] is SectionKinds.Header or SectionKinds.Personal;
}
