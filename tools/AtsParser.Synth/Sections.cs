namespace AtsParser.Synth;

/// <summary>Renders a resume's sections into flows in the layout's way; the printed strings are exactly the key's values.</summary>
public sealed class Sections(SynthResume resume, SynthLayout layout, Locale l, Random r)
{
    readonly string _sep = Inventions.Pick(r, new[] { " – ", " - ", " — ", " – " });
    readonly string _contactSep = Inventions.Pick(r, new[] { " | ", " · ", "  •  ", " / " });
    readonly string _experience = Inventions.Pick(r, l.ExperienceHeadings), _education = Inventions.Pick(r, l.EducationHeadings), _skills = Inventions.Pick(r, l.SkillsHeadings);

    /// <summary>Whether a job's city is printed in this job layout (the key leaves it out otherwise).</summary>
    public static bool PrintsJobCity(JobLayout layout) => layout != JobLayout.Table;

    public void Contact(Flow f, bool inline)
    {
        if (inline) f.Para(string.Join(_contactSep, resume.Email, resume.Phone, resume.Location));
        else
        {
            f.Para(resume.Email);
            f.Para(resume.Phone);
            f.Para(resume.Location);
        }
        foreach (var link in resume.Links)
            f.Line((link.Label ?? link.Url, link.Url.StartsWith("http", StringComparison.Ordinal) ? link.Url : "https://" + link.Url));
    }

    /// <summary>Profile, experience and education (the main column).</summary>
    public void Main(Flow f)
    {
        if (resume.Summary is { } summary)
        {
            f.Heading(l.ProfileHeading);
            f.Para(summary);
        }
        if (layout.EducationFirst) { Education(f); Experience(f); }
        else { Experience(f); Education(f); }
    }

    /// <summary>Skills, languages, certifications (a sidebar, or the end of a one-column page).</summary>
    public void Side(Flow f)
    {
        f.Heading(_skills);
        if (layout.SkillsAsTable)
        {
            var rows = resume.Skills.Chunk(3).Select(c => (IReadOnlyList<string[]>)c.Select(s => new[] { s }).Concat(Enumerable.Repeat(Array.Empty<string>(), 3 - c.Length)).ToList()).ToList();
            f.Table(rows, [3200, 3200, 3200], borders: false);
        }
        else if (layout.Page == PageLayout.Sidebar) foreach (var s in resume.Skills) f.Bullet(s);
        else f.Para(string.Join(Inventions.Pick(r, new[] { ", ", " · ", " | ", "; " }), resume.Skills));
        f.Heading(l.LanguagesHeading);
        foreach (var lang in resume.Languages) f.Para(lang);
        if (resume.Certifications.Count == 0) return;
        f.Heading(l.CertificationsHeading);
        foreach (var c in resume.Certifications) f.Bullet(c);
    }

    void Experience(Flow f)
    {
        f.Heading(_experience);
        if (layout.Jobs == JobLayout.Table)
        {
            var rows = new List<IReadOnlyList<string[]>> { l.TableHeader.Select(h => new[] { h }).ToList() };
            rows.AddRange(resume.Jobs.Select(j => (IReadOnlyList<string[]>)[[Range(j)], [j.Title], [j.Company]]));
            f.Table(rows, [2400, 3600, 3600], borders: true, boldFirstRow: true);
            return;
        }
        if (layout.Jobs == JobLayout.DateColumn)
        {
            var rows = resume.Jobs.Select(j => (IReadOnlyList<string[]>)[[Range(j)], [j.Title, $"{j.Company}, {j.City}", .. j.Bullets]]).ToList();
            f.Table(rows, [2200, 7400], borders: false);
            return;
        }
        foreach (var j in resume.Jobs) Job(f, j);
    }

    void Job(Flow f, SynthJob j)
    {
        switch (layout.Jobs)
        {
            case JobLayout.TitleFirst:
                f.Para(j.Title, bold: true);
                f.Para($"{j.Company}, {j.City}");
                f.Para(Range(j), italic: true);
                break;
            case JobLayout.EmployerFirst:
                f.Tabbed($"{j.Company}, {j.City}", Range(j), bold: true);
                f.Para(j.Title, italic: true);
                break;
            case JobLayout.TitleAtCompany:
                f.Para($"{j.Title} {l.At} {j.Company}", bold: true);
                f.Para($"{Range(j)}{_contactSep}{j.City}");
                break;
            case JobLayout.CompanyDashTitle:
                f.Para($"{j.Company} — {j.Title}", bold: true);
                f.Para($"{j.City}, {Range(j)}");
                break;
            case JobLayout.Bullets:
                f.Bullet($"{j.Title}, {j.Company}, {j.City} ({Range(j)})");
                return;
            case JobLayout.TitleCompanyCityLine:
                f.Tabbed($"{j.Title}, {j.Company}, {j.City}", Range(j), bold: true);
                foreach (var b in j.Bullets) f.Para("• " + b);
                return;
        }
        foreach (var b in j.Bullets) f.Bullet(b);
    }

    void Education(Flow f)
    {
        f.Heading(_education);
        if (layout.Schools == SchoolLayout.TableRow)
        {
            var rows = resume.Schools.Select(s => (IReadOnlyList<string[]>)[[Years(s)], [s.Degree], [s.Institution], s.Grade is null ? [] : [s.Grade]]).ToList();
            f.Table(rows, [1600, 3400, 3200, 1400], borders: true);
            return;
        }
        foreach (var s in resume.Schools)
        {
            switch (layout.Schools)
            {
                case SchoolLayout.DegreeFirst:
                    f.Para(s.Degree, bold: true);
                    f.Para($"{s.Institution}, {s.City}");
                    f.Para(Years(s));
                    break;
                case SchoolLayout.InstitutionFirst:
                    f.Tabbed(s.Institution, Years(s), bold: true);
                    f.Para(s.Degree);
                    break;
                case SchoolLayout.YearFirstLine:
                    f.Para($"{Years(s)}   {s.Degree}, {s.Institution}");
                    break;
            }
            if (s.Grade is { } g) f.Para(g);
        }
    }

    string Range(SynthJob j) => j.End is null ? j.Start : j.Start + _sep + j.End;

    string Years(SynthSchool s) => s.Start is null ? s.End : s.Start + _sep + s.End;
}
