using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtsParser.Tests.Parsing;

/// <summary>The heuristic parser as the unit tests use it: built once, with the embedded vocabularies and no logging.</summary>
internal static class TestParser
{
    public static readonly HeuristicResumeParser Heuristic = new(new SkillDictionary(), new ResumeFinalizer(), NullLogger<HeuristicResumeParser>.Instance);

    /// <summary>The day every inline resume is parsed against, so "Present" and durations are stable.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 15);

    /// <summary>An inline resume text (and its link targets) through the heuristic parser.</summary>
    public static Resume Parse(string text, params string[] links) => Heuristic.Parse(new ParseInput(text, links, AsOf));

    /// <summary>Each job's title and employer, in order.</summary>
    public static IEnumerable<(string? Title, string? Employer)> JobRoles(Resume r) => r.WorkExperience.Select(j => (j.Title, j.Employer));
}
