using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Heuristic;
using Derivation = AtsParser.Core.Parsing.Derivation;

namespace AtsParser.Bench;

/// <summary>
/// Where the heuristic parser's time goes: each phase of HeuristicResumeParser.Parse timed alone on the same
/// document, so a slow document points at the extractor (contact, experience, skills...) that makes it slow.
/// </summary>
static class ParsingPhases
{
    public static Dictionary<string, Action> For(ParseInput input, SkillDictionary skills, HeuristicResumeParser parser, Derivation.ResumeFinalizer finalizer)
    {
        var doc = new ResumeDocument(input.Text);
        var parsed = parser.Parse(input);
        var lines = TextNormalizer.Lines(input.Text);
        var repaired = ColumnTables.Repair(lines);
        var experience = doc.OfKind(SectionKinds.Experience).ToList();
        return new()
        {
            ["document"] = () => _ = new ResumeDocument(input.Text),
            // The document's three steps, and the experience phase's segmentation, each alone.
            [" lines"] = () => TextNormalizer.Lines(input.Text),
            [" tables"] = () => ColumnTables.Repair(lines),
            [" sections"] = () => SectionDetector.Detect(repaired),
            [" segment"] = () => { foreach (var s in experience) EntrySegmenter.Segment(doc, s); },
            ["contact"] = () => ContactExtractor.Extract(doc, input.Links),
            ["experience"] = () => ExperienceExtractor.Extract(doc),
            ["education"] = () => EducationExtractor.Extract(doc),
            ["skills"] = () => SkillsExtractor.Extract(doc, skills),
            ["other"] = () => { OtherSectionsExtractor.Certifications(doc); OtherSectionsExtractor.Projects(doc); OtherSectionsExtractor.Awards(doc); },
            ["languages"] = () => LanguageExtractor.Extract(doc),
            ["detect-language"] = () => LanguageDetector.Detect(input.Text),
            ["finalize"] = () => finalizer.Finalize(parsed, input, new Dictionary<string, long>()),
        };
    }
}
