namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// Jobs from experience-like sections. Each entry's header fragments are assigned to title, employer and location by
/// labels ("as", "Designation:", quotes), place patterns and the job-words vocabulary; where the words do not decide, the
/// order the rest of the document uses (title first or employer first) does.
/// </summary>
static class ExperienceExtractor
{
    public static List<WorkExperience> Extract(ResumeDocument doc)
    {
        var parsed = new List<(EntryBlock Block, List<Fragment> Fragments, Section Section)>();
        foreach (var section in doc.OfKind(SectionKinds.Experience))
        {
            var blocks = EntrySegmenter.Segment(doc, section);
            var headingDates = Dates.DateParser.FindRanges(section.HeadingRest, doc.RightToLeft);
            if (blocks.Count == 1 && blocks[0].Dates is null && headingDates.Count > 0) blocks[0].Dates = headingDates[0];
            var columns = TableColumns.Find(doc, section);
            foreach (var b in blocks)
            {
                var fragments = EntrySegmenter.HeaderLines(doc, b).Where(l => l.Index != columns?.Line)
                    .SelectMany(l => (columns is null ? null : TableColumns.Row(columns, l.Text, l.Index))
                        ?? HeaderFragments.From(l.Text, l.Index, l.Index == b.DateLine ? b.Dates : null, experience: true)).ToList();
                if (fragments.Count == 0 && b.Dates is null) continue;
                parsed.Add((b, fragments, section));
            }
        }
        // Learn the document's own order from entries the vocabulary decides.
        int titleFirst = 0;
        foreach (var (_, f, _) in parsed) titleFirst += OrderVote(f);
        var jobs = new List<WorkExperience>();
        string? groupEmployer = null;
        foreach (var (block, fragments, section) in parsed)
        {
            var job = Build(doc, block, fragments, titleFirst >= 0);
            if (job.Title is null && job.Employer is null) continue;
            // Several roles under one employer: an employer line above the first role's title, then roles with dates only.
            if (job.Employer is not null) groupEmployer = EmployerHeadsBlock(doc, block, job) ? job.Employer : null;
            else if (job.Title is not null && groupEmployer is not null && fragments.Count(f => f.Label is null or HeaderFragments.TitleLabel) == 1)
                job = job with { Employer = groupEmployer, Confidence = Math.Round(job.Confidence + 0.1, 2) };
            jobs.Add(job);
        }
        return jobs;
    }

    /// <summary>The employer stands alone on the block's first line, with the title and dates on later lines.</summary>
    static bool EmployerHeadsBlock(ResumeDocument doc, EntryBlock block, WorkExperience job) =>
        block.Header.Count >= 2 && block.Header[0] != block.DateLine && doc.Lines[block.Header[0]].Contains(job.Employer!, StringComparison.Ordinal)
        && (job.Title is null || !doc.Lines[block.Header[0]].Contains(job.Title, StringComparison.Ordinal));

    static double RoleEvidence(string? value, bool vocabulary) =>
        value is null ? 0
        : !WellFormed(value) ? 0.05
        : vocabulary ? 0.3
        : 0.15;

    /// <summary>A name-like value: starts with a capital (or a non-Latin letter), at most ten words, no sentence inside,
    /// no OCR debris. Duty sentences and scanned noise that reach a role slot fail this.</summary>
    public static bool WellFormed(string value)
    {
        var t = value.Trim();
        if (t.Length < 2 || TextNormalizer.SpaceParts(t) > 10) return false;
        if (char.IsLetter(t[0]) && char.IsLower(t[0])) return false;
        for (int i = 1; i < t.Length - 1; i++)
            if (t[i] == '.' && char.IsLetter(t[i + 1]) && t[i + 1] > 0x7F) return false; // "תפקידי.במסגרת": two sentences glued
        return t.IndexOfAny(['‘', '’', '[', ']', '«', '»', '¢', '©', '|', ';']) < 0 && Dates.DateParser.FindRanges(t).Count == 0;
    }

    static int OrderVote(List<Fragment> f)
    {
        var free = f.Where(x => x.Label is null).ToList();
        if (free.Count < 2) return 0;
        int a = Score(free[0]), b = Score(free[1]);
        return a > b ? 1 : a < b ? -1 : 0;
    }

    static int Score(Fragment f) => JobTitles.TitleScore(f.Text) - JobTitles.CompanyScore(f.Text);

    /// <summary>
    /// "Director of IT – Hybrid Cloud Automation" next to another free fragment (the employer, on this line or the next): the
    /// dash is inside the title when its left side reads as a title and its right side has no company or place evidence.
    /// </summary>
    static List<Fragment> RejoinDashedTitles(List<Fragment> free)
    {
        foreach (var g in free.Where(f => f.DashGroup >= 0).GroupBy(f => (f.Line, f.DashGroup)).ToList())
        {
            var pair = g.ToList();
            if (pair.Count != 2 || free.Count < 3) continue;
            var (a, b) = (pair[0], pair[1]);
            if (Score(a) <= 0 || JobTitles.CompanyScore(b.Text) > 0 || LocationExtractor.IsPlace(b.Text) || Geo.CountryNamed(b.Text) is not null) continue;
            if (!free.Except(pair).Any(f => Score(f) <= 0)) continue;
            int at = free.IndexOf(a);
            free.Remove(a);
            free.Remove(b);
            free.Insert(at, new Fragment(a.Segment!, null, a.Line));
        }
        return free;
    }

    /// <summary>
    /// "Analista de datos | Grupo Terravela S.A. | Madrid", "Software Engineer – Dorvel – Leeds": with title and employer
    /// decided, a short capitalised piece left on the employer's line, with no title or company evidence, is the place;
    /// so is any piece that names a known place or a country.
    /// </summary>
    static Fragment? LeftoverPlace(List<Fragment> free, List<Fragment> all, string employer)
    {
        foreach (var f in free)
        {
            if (!RoleSplitter.IsCityLike(f.Text) || JobTitles.TitleScore(f.Text) > 0 || JobTitles.CompanyScore(f.Text) > 0) continue;
            if (Geo.IsKnownPlace(f.Text) || Geo.CountryNamed(f.Text) is not null || LocationExtractor.IsPlace(f.Text)) return f;
            var owner = all.FirstOrDefault(x => x.Text == employer);
            if (owner is not null && owner.Line == f.Line && all.Where(x => x.Line == f.Line).Last() == f) return f;
        }
        return null;
    }

    static WorkExperience Build(ResumeDocument doc, EntryBlock block, List<Fragment> fragments, bool titleFirst)
    {
        string? title = fragments.FirstOrDefault(f => f.Label == HeaderFragments.TitleLabel)?.Text;
        string? employer = fragments.FirstOrDefault(f => f.Label is HeaderFragments.EmployerLabel or HeaderFragments.QuotedLabel)?.Text;
        string? location = fragments.FirstOrDefault(f => f.Label == HeaderFragments.LocationLabel)?.Text;
        var free = RejoinDashedTitles(fragments.Where(f => f.Label is null).ToList());
        var extra = new List<string>();
        if (title is null && free.Count > 0)
        {
            var best = free.OrderByDescending(Score).First();
            if (Score(best) > 0 || (employer is not null && Score(best) == 0)) { title = best.Text; free.Remove(best); }
        }
        if (employer is null && free.Count > 0)
        {
            var best = free.OrderBy(Score).First();
            if (Score(best) < 0 || title is not null) { employer = best.Text; free.Remove(best); }
        }
        if (title is null && employer is null && free.Count > 0)
        {
            (title, employer) = titleFirst || free.Count == 1 ? (free[0].Text, free.ElementAtOrDefault(1)?.Text) : (free.ElementAtOrDefault(1)?.Text, free[0].Text);
            free.RemoveRange(0, Math.Min(2, free.Count));
        }
        else if (title is null && free.Count > 0) { title = free[0].Text; free.RemoveAt(0); }
        if (location is null && title is not null && employer is not null && LeftoverPlace(free, fragments, employer) is { } place)
        {
            location = place.Text;
            free.Remove(place);
        }
        // "Senior Engineer, Payments — Orvel Bank": with the employer found on the same line, the part left after the title's
        // comma is its function. On a line of its own it may be an employer's name wrapped onto the next line ("…, Verano" /
        // "Energía S.A. de C.V.") and stays out.
        int employerLine = fragments.FirstOrDefault(x => x.Text == employer)?.Line ?? -1;
        foreach (var f in free.ToList())
            if (title is not null && f.Line == employerLine && f.Line >= 0 && f.Line < doc.Lines.Length && doc.Lines[f.Line].Contains(title + ", " + f.Text, StringComparison.Ordinal)
                && !LocationExtractor.IsPlace(f.Text) && JobTitles.CompanyScore(f.Text) == 0)
            {
                title += ", " + f.Text;
                free.Remove(f);
            }
        extra.AddRange(free.Select(f => f.Text));
        var body = block.Body.Select(i => doc.Lines[i].Trim()).ToList();
        var highlights = body.Where(EntrySegmenter.IsBullet).Select(b => b.TrimStart('•', '●', '▪', '◦', '■', '➢', '►', '✓', '✔', '*', '-', '–', '·', '❖', '○', '♦', '>').Trim()).ToList();
        var prose = extra.Concat(body.Where(b => !EntrySegmenter.IsBullet(b))).ToList();
        var d = block.Dates;
        var evidenceLines = block.Header.Append(block.DateLine).Where(i => i >= 0).Distinct().Order().Select(i => doc.Lines[i].Trim());
        // Confidence from the evidence each role rests on: vocabulary (title words, ESCO labels, legal forms, company
        // words) counts fully; a role given by a separator, position or elimination alone counts half. On the corpus keys
        // (strict match of title and employer) the 1.0 bin was right 45/51 before this last split and 0.8 right 28/43.
        double confidence = 0.2 + RoleEvidence(title, JobTitles.TitleScore(title ?? "") > JobTitles.CompanyScore(title ?? ""))
            + RoleEvidence(employer, JobTitles.CompanyScore(employer ?? "") > JobTitles.TitleScore(employer ?? ""))
            + (d is not null ? 0.2 : 0);
        return new WorkExperience
        {
            Title = title,
            Employer = employer,
            Location = location,
            Start = d?.Start,
            End = d?.End,
            IsCurrent = d?.IsCurrent ?? false,
            Description = prose.Count > 0 ? string.Join("\n", prose) : null,
            Highlights = highlights,
            Evidence = string.Join("\n", evidenceLines),
            Confidence = Math.Round(confidence, 2),
        };
    }
}
