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

    public static Header? Find(ResumeDocument doc, Section section)
    {
        foreach (var i in section.LineIndexes)
        {
            var cells = Cells(doc.Lines[i]);
            if (cells.Length < 2) continue;
            var roles = cells.Select(RoleOf).ToArray();
            if (roles.All(r => r is not null) && roles.Any(r => r is HeaderFragments.TitleLabel or HeaderFragments.EmployerLabel))
                return new Header(i, roles.Select(r => r == DatesRole ? null : r).ToArray());
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

    static string[] Cells(string line) => CellSeparator().Split(line.Trim()).Select(c => c.Trim()).ToArray();

    const string DatesRole = "dates";

    static string? RoleOf(string cell) =>
        TitleHeading().IsMatch(cell) ? HeaderFragments.TitleLabel
        : EmployerHeading().IsMatch(cell) ? HeaderFragments.EmployerLabel
        : LocationHeading().IsMatch(cell) ? HeaderFragments.LocationLabel
        : DatesHeading().IsMatch(cell) ? DatesRole
        : null;

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
