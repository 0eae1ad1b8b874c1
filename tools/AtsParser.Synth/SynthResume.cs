namespace AtsParser.Synth;

/// <summary>One generated resume: the values printed in the document, which are also its answer key.</summary>
public sealed record SynthResume
{
    public required string Language { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string Location { get; init; }
    /// <summary>Printed URL, or the hyperlink's target where the visible text is only a word ("LinkedIn").</summary>
    public List<SynthLink> Links { get; init; } = [];
    public string? Summary { get; init; }
    public List<SynthJob> Jobs { get; init; } = [];
    public List<SynthSchool> Schools { get; init; } = [];
    public List<string> Skills { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public List<string> Certifications { get; init; } = [];
}

public sealed record SynthLink(string Url, string? Label);

public sealed record SynthJob(string Title, string Company, string City, string Start, string? End, List<string> Bullets);

public sealed record SynthSchool(string Degree, string Institution, string City, string? Start, string End, string? Grade);

/// <summary>How a document is laid out; each part varies independently so every layout meets every language.</summary>
public sealed record SynthLayout(PageLayout Page, JobLayout Jobs, SchoolLayout Schools, bool EducationFirst, bool SkillsAsTable);

public enum PageLayout { Classic, HeaderContact, Sidebar, TwoColumns }

public enum JobLayout { TitleFirst, EmployerFirst, TitleAtCompany, CompanyDashTitle, Table, DateColumn, Bullets, TitleCompanyCityLine }

public enum SchoolLayout { DegreeFirst, InstitutionFirst, TableRow, YearFirstLine }
