namespace AtsParser.Synth;

/// <summary>Draws one resume's content from a seeded generator: same seed and index, same resume.</summary>
public static class Composer
{
    enum DateStyle { MonthShort, MonthLong, Numeric, Year }

    public static SynthResume Compose(Random r, Locale l)
    {
        string first = Inventions.Pick(r, l.FirstNames), last = Inventions.Pick(r, l.LastNames);
        string hf = Inventions.Handle(l.Latin.GetValueOrDefault(first, first)), hl = Inventions.Handle(l.Latin.GetValueOrDefault(last, last));
        var handle = hf + "." + hl;
        var links = new List<SynthLink>();
        if (r.Next(3) > 0)
        {
            var url = $"https://www.linkedin.com/in/{hf}-{hl}-{r.Next(100, 999)}";
            links.Add(r.Next(2) == 0 ? new SynthLink(url, "LinkedIn") : new SynthLink(url.Replace("https://www.", ""), null));
        }
        if (r.Next(3) == 0) links.Add(new SynthLink($"github.com/{hf}{hl[..Math.Min(3, hl.Length)]}", null));
        var style = (DateStyle)r.Next(4);
        return new SynthResume
        {
            Language = l.Code,
            Name = l.FamilyNameFirst ? last + first : $"{first} {last}",
            Email = r.Next(3) == 0 ? $"{hf[0]}{hl}@{Inventions.Pick(r, l.EmailDomains)}" : $"{handle}@{Inventions.Pick(r, l.EmailDomains)}",
            Phone = Inventions.Digits(r, Inventions.Pick(r, l.Phones)),
            Location = Inventions.Pick(r, l.Cities),
            Links = links,
            Summary = Inventions.Pick(r, l.Summaries),
            Jobs = Jobs(r, l, style),
            Schools = Schools(r, l),
            Skills = Inventions.PickDistinct(r, l.Skills, r.Next(5, 9)),
            Languages = [l.SpokenLanguages[0], .. Inventions.PickDistinct(r, l.SpokenLanguages.Skip(1).ToList(), r.Next(1, 3))],
            Certifications = Inventions.PickDistinct(r, l.Certifications, r.Next(0, 3)),
        };
    }

    static List<SynthJob> Jobs(Random r, Locale l, DateStyle style)
    {
        int count = r.Next(2, 5);
        var jobs = new List<SynthJob>();
        int year = 2025 - r.Next(0, 2), month = r.Next(1, 13);
        bool current = r.Next(3) > 0;
        for (int i = 0; i < count; i++)
        {
            int months = r.Next(8, 48);
            var end = (year, month);
            var start = AddMonths(end, -months);
            var title = string.Format(Inventions.Pick(r, l.Titles), Inventions.Pick(r, l.Domains));
            var endText = i == 0 && current ? Inventions.Pick(r, l.Present) : Date(l, style, end);
            var startText = Date(l, style, start);
            jobs.Add(new SynthJob(title, Inventions.Company(r, l), Inventions.Pick(r, l.Cities), startText, endText,
                Inventions.PickDistinct(r, l.Bullets, r.Next(1, 4))));
            (year, month) = AddMonths(start, -r.Next(0, 6));
        }
        return jobs;
    }

    static List<SynthSchool> Schools(Random r, Locale l)
    {
        int count = r.Next(1, 3), end = 2008 + r.Next(0, 8);
        var schools = new List<SynthSchool>();
        for (int i = 0; i < count; i++)
        {
            var degree = string.Format(Inventions.Pick(r, l.Degrees), Inventions.Pick(r, l.Fields));
            var school = string.Format(Inventions.Pick(r, l.Schools), Inventions.Place(r, l.Code));
            int length = r.Next(2, 5);
            string? start = r.Next(3) > 0 ? (end - length).ToString() : null;
            var grade = r.Next(3) == 0 ? GradeFor(r, l.Code) : null;
            schools.Add(new SynthSchool(degree, school, Inventions.Place(r, l.Code), start, end.ToString(), grade));
            end -= length + r.Next(0, 2);
        }
        return schools;
    }

    static string GradeFor(Random r, string lang) => lang switch
    {
        "de" => $"Note {1 + r.Next(3)},{r.Next(10)}",
        "fr" => Inventions.Pick(r, new[] { "Mention bien", "Mention très bien", "Mention assez bien" }),
        "es" => $"Nota media {6 + r.Next(4)},{r.Next(10)}",
        "pt" => $"CR {7 + r.Next(3)},{r.Next(10)}",
        "he" => $"ממוצע {80 + r.Next(16)}",
        "zh" => $"GPA 3.{r.Next(10)}/4.0",
        _ => $"GPA 3.{r.Next(10)}",
    };

    static (int Year, int Month) AddMonths((int Year, int Month) d, int delta)
    {
        int total = d.Year * 12 + d.Month - 1 + delta;
        return (total / 12, total % 12 + 1);
    }

    static string Date(Locale l, DateStyle style, (int Year, int Month) d) => l.Code == "zh" ? ChineseDate(style, d) : style switch
    {
        DateStyle.MonthShort => $"{l.MonthsShort[d.Month - 1]} {d.Year}",
        DateStyle.MonthLong => $"{l.MonthsLong[d.Month - 1]} {d.Year}",
        DateStyle.Numeric => l.Code == "de" ? $"{d.Month:D2}.{d.Year}" : $"{d.Month:D2}/{d.Year}",
        _ => d.Year.ToString(),
    };

    static string ChineseDate(DateStyle style, (int Year, int Month) d) => style switch
    {
        DateStyle.MonthShort => $"{d.Year}.{d.Month:D2}",
        DateStyle.MonthLong => $"{d.Year}年{d.Month}月",
        DateStyle.Numeric => $"{d.Year}/{d.Month:D2}",
        _ => $"{d.Year}年",
    };
}
