using System.Diagnostics;
using AtsParser.Core.Parsing.Derivation;

namespace AtsParser.Core.Parsing.Heuristic;

/// <summary>
/// The offline parser: sections, contact, jobs, schools, skills, languages and the rest from the text alone. Pure and
/// deterministic: the same text, links, document hints and asOf give the same resume (timings aside).
/// </summary>
public sealed class HeuristicResumeParser(SkillDictionary skills, ResumeFinalizer finalizer, ILogger<HeuristicResumeParser> logger) : IResumeParser
{
    public const string ParserName = "heuristic";

    public string Mode => ParserName;

    public Task<Resume> ParseAsync(ParseInput input, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Parse(input));
    }

    public Resume Parse(ParseInput input)
    {
        var sw = Stopwatch.StartNew();
        var doc = new ResumeDocument(input.Text);
        var contact = ContactExtractor.Extract(doc, input.Links, input.Hints);
        var resume = new Resume
        {
            Candidate = new Candidate
            {
                Name = contact.Name,
                Emails = contact.Emails,
                Phones = contact.Phones,
                Location = contact.Location,
                Links = contact.Links,
                Headline = contact.Headline,
            },
            Summary = Summary(doc),
            WorkExperience = ExperienceExtractor.Extract(doc),
            Education = EducationExtractor.Extract(doc),
            Skills = SkillsExtractor.Extract(doc, skills).Where(s => !NameBlock(contact, s.Raw)).ToList(),
            Certifications = OtherSectionsExtractor.Certifications(doc).Where(c => !NameBlock(contact, c.Name)).ToList(),
            Languages = LanguageExtractor.Extract(doc),
            Projects = OtherSectionsExtractor.Projects(doc),
            Awards = OtherSectionsExtractor.Awards(doc).Where(a => !NameBlock(contact, a.Title)).ToList(),
            Meta = new ResumeMeta { Parser = ParserName, Language = LanguageDetector.Detect(input.Text) },
        };
        var parseMs = sw.ElapsedMilliseconds;
        Log.HeuristicParsed(logger, doc.Lines.Length, doc.Sections.Count, resume.WorkExperience.Count, resume.Education.Count, parseMs);
        return finalizer.Finalize(resume, input, new Dictionary<string, long> { ["parse"] = parseMs });
    }

    /// <summary>
    /// The candidate's name, headline or place read as an item of the list above them: a profile export prints its
    /// sidebar lists (skills, languages, certifications, awards) and then the name block with no heading between.
    /// </summary>
    static bool NameBlock(ContactInfo contact, string item)
    {
        var t = item.Trim();
        return t.Equals(contact.Name?.Raw, StringComparison.OrdinalIgnoreCase) || t.Equals(contact.Headline, StringComparison.OrdinalIgnoreCase)
            || t.Equals(contact.Location?.Raw, StringComparison.OrdinalIgnoreCase);
    }

    static string? Summary(ResumeDocument doc)
    {
        var section = doc.OfKind(SectionKinds.Summary).FirstOrDefault();
        if (section is null) return null;
        var lines = section.LineIndexes.Select(i => doc.Lines[i].Trim()).Where(l => l.Length > 0).Prepend(section.HeadingRest).Where(l => l.Length > 0);
        var text = string.Join(" ", lines);
        return text.Length == 0 ? null : text.Length > 4000 ? text[..4000] : text;
    }
}
