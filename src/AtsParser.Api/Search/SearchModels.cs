using System.ComponentModel.DataAnnotations;
using AtsParser.Api.Storage;

namespace AtsParser.Api.Search;

public sealed record SearchRequest
{
    /// <summary>A job description or a free-text query.</summary>
    public const int MaxTextLength = 100_000;

    [Required, MinLength(2), MaxLength(MaxTextLength)] public string Text { get; init; } = "";
    [Range(1, 100)] public int TopK { get; init; } = 10;
    public ResumeFilters? Filters { get; init; }
}

public sealed record SearchExplanation(double VectorSimilarity, IReadOnlyList<string> MatchedSkills, IReadOnlyList<string> MatchedTitles);

public sealed record SearchHit(Guid Id, double Score, string FileName, string? CandidateName, string? Location, string? CurrentTitle,
    int? ExperienceMonths, SearchExplanation Explanation);

public sealed record SearchResponse(string Model, string Ranking, IReadOnlyList<SearchHit> Results);
