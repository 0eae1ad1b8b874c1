using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtsParser.Tests.Parsing;

/// <summary>The heuristic parser as the unit tests use it: built once, with the embedded vocabularies and no logging.</summary>
internal static class TestParser
{
    public static readonly HeuristicResumeParser Heuristic = new(new SkillDictionary(), new ResumeFinalizer(), NullLogger<HeuristicResumeParser>.Instance);
}
