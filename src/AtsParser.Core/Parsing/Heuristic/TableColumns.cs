using System.Text.RegularExpressions;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// A job table with a header row ("Period | Position | Company", "Zeitraum | Position | Unternehmen"): the header names
/// each column's role, so the rows below with as many cells give title, employer and place by column, whatever words the
/// cells hold. The header row itself names no job.
/// </summary>
public static partial class TableColumns
{
    public sealed record Header(int Line, string?[] Roles);

    public static Header? Find(ResumeDocument doc, Section section) => Find(doc, section, RoleOf, HeaderFragments.TitleLabel, HeaderFragments.EmployerLabel);

    /// <summary>
    /// A school table's header row ("Degree | Institution | Year | Grade", "Qualification | Board/University | Year of Passing |
    /// Percentage"): columns of degree, institution, field and grade (FieldLabels kinds); years and boards name no part.
    /// </summary>
    public static Header? FindEducation(ResumeDocument doc, Section section) => Find(doc, section, EducationRoleOf, FieldLabels.Degree, FieldLabels.Institution);

    static Header? Find(ResumeDocument doc, Section section, Func<string, string?> roleOf, string key1, string key2)
    {
        foreach (var i in section.LineIndexes)
        {
            if (!MayHoldCells(doc.Lines[i])) continue;
            var cells = Cells(doc.Lines[i]);
            if (cells.Length < 2) continue;
            var roles = cells.Select(roleOf).ToArray();
            if (roles.All(r => r is not null) && roles.Any(r => r == key1 || r == key2))
                return new Header(i, roles.Select(r => r is DatesRole or FieldLabels.Ignore ? null : r).ToArray());
        }
        return null;
    }

    /// <summary>The row's cells as labelled fragments, or null when the row does not have the header's shape.</summary>
    public static List<Fragment>? Row(Header header, string line, int index)
    {
        var cells = Cells(line);
        if (cells.Length != header.Roles.Length) return null;
        var result = new List<Fragment>();
        for (int k = 0; k < cells.Length; k++)
            if (header.Roles[k] is { } role && cells[k].Length > 0) result.Add(new Fragment(cells[k], role, index));
        return result;
    }

    // CellSeparator needs a '|', a tab or three white-space characters in a row: a line with none of them is one cell.
    internal static bool MayHoldCells(string line)
    {
        if (line.AsSpan().IndexOfAny('|', '\t') >= 0) return true;
        for (int i = 0, run = 0; i < line.Length; i++)
            if ((run = char.IsWhiteSpace(line[i]) ? run + 1 : 0) >= 3) return true;
        return false;
    }

    internal static string[] Cells(string line) => CellSeparator().Split(line.Trim()).Select(c => c.Trim()).ToArray();

    const string DatesRole = "dates";

    static string? RoleOf(string cell) => MayBeHeading(cell) ? RoleByPatterns(cell) : null;

    internal static string? RoleByPatterns(string cell) =>
        TitleHeading().IsMatch(cell) ? HeaderFragments.TitleLabel
        : EmployerHeading().IsMatch(cell) ? HeaderFragments.EmployerLabel
        : LocationHeading().IsMatch(cell) ? HeaderFragments.LocationLabel
        : DatesHeading().IsMatch(cell) ? DatesRole
        : null;

    public static string? JobRoleOf(string cell) => RoleOf(cell);

    public static string? EducationRoleOf(string cell) => MayBeHeading(cell) ? EducationRoleByPatterns(cell) : null;

    internal static string? EducationRoleByPatterns(string cell) =>
        DegreeHeading().IsMatch(cell) ? FieldLabels.Degree
        : InstitutionHeading().IsMatch(cell) ? FieldLabels.Institution
        : FieldHeading().IsMatch(cell) ? FieldLabels.Field
        : GradeHeading().IsMatch(cell) ? "grade"
        : DatesHeading().IsMatch(cell) || YearHeading().IsMatch(cell) || BoardHeading().IsMatch(cell) ? FieldLabels.Ignore
        : LocationHeading().IsMatch(cell) ? HeaderFragments.LocationLabel
        : null;

    // The heading patterns below match whole cells of letters, white space, '/', '-', '–' and '%' (each character of theirs is a
    // letter, \s or one of those four, and a letter's case variants are letters): a cell holding anything else, a figure, a
    // comma, a dot or a bracket, is none of them. Layout repair asks this of every short line, twice.
    internal static bool MayBeHeading(string cell)
    {
        foreach (var c in cell)
            if (!char.IsLetter(c) && !char.IsWhiteSpace(c) && c is not ('/' or '-' or '–' or '%')) return false;
        return true;
    }

    [GeneratedRegex(@"(?i)^(?:degree|degree\s*/\s*course|course|qualification|examination|exam|education|program(?:me)?|abschluss|diplôme|diplome|título|titulo|curso|formação|formación|תואר|学历|学位)$")]
    private static partial Regex DegreeHeading();

    [GeneratedRegex(@"(?i)^(?:(?:name\s+of\s+(?:the\s+)?)?(?:institution|institute|university|college|school)|(?:board|college|school)\s*/\s*(?:university|college|institute)|university\s*/\s*(?:board|college|institute)|hochschule|universität|schule|établissement|école|universidad|universidade|institución|instituição|escola|מוסד|学校|院校|毕业院校)$")]
    private static partial Regex InstitutionHeading();

    [GeneratedRegex(@"(?i)^(?:speciali[sz]ation|stream|major|branch|subjects?|field(?:\s+of\s+study)?|discipline|studiengang|fachrichtung|spécialité|especialidad|especialização|área|专业|מגמה)$")]
    private static partial Regex FieldHeading();

    [GeneratedRegex(@"(?i)^(?:percentage|marks|c?gpa|grade|result|score|class|division|aggregate|%|note|nota|moyenne|mention|成绩|ציון)$")]
    private static partial Regex GradeHeading();

    [GeneratedRegex(@"(?i)^(?:year|years|year\s+of\s+(?:passing|completion|graduation)|passing\s+year|passed\s+out|graduation|jahr|année|año|ano|שנה|年份)$")]
    private static partial Regex YearHeading();

    [GeneratedRegex(@"(?i)^(?:board|board\s+of\s+education)$")]
    private static partial Regex BoardHeading();

    [GeneratedRegex(@"\s+\|\s*|\s*\|\s+|\t+|\s{3,}")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"(?i)^(?:position|title|job\s+title|role|designation|cargo|puesto|poste|fonction|funktion|stelle|tätigkeit|função|תפקיד|职位|职务)$")]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"(?i)^(?:company|employer|organi[sz]ation|empresa|empregador|unternehmen|arbeitgeber|firma|entreprise|employeur|société|מעסיק|חברה|公司|单位)$")]
    private static partial Regex EmployerHeading();

    [GeneratedRegex(@"(?i)^(?:location|city|place|ort|standort|ciudad|cidade|local|lugar|lieu|ville|מיקום|地点)$")]
    private static partial Regex LocationHeading();

    [GeneratedRegex(@"(?i)^(?:period|dates?|duration|from\s*[-–/]\s*to|zeitraum|dauer|periodo|período|fechas|datas|période|durée|תקופה|时间|日期)$")]
    private static partial Regex DatesHeading();
}
