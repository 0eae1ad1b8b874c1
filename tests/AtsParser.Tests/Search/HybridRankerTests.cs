using AtsParser.Api.Search;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Search;

public sealed class HybridRankerTests
{
    static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a"), B = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void Shared_skills_and_titles_lift_a_candidate_above_a_slightly_closer_vector()
    {
        var candidates = new[]
        {
            new HybridRanker.Input(A, 0.40, ["python", "sql"], ["data engineer"]),
            new HybridRanker.Input(B, 0.38, ["photoshop"], ["graphic designer"]),
        };

        var ranked = HybridRanker.Rank("Data Engineer: Python, SQL and Airflow", candidates, HybridWeights.Hybrid);

        ranked[0].Id.Should().Be(A);
        ranked[0].MatchedSkills.Should().Equal("python", "sql");
        ranked[0].MatchedTitles.Should().Equal("data engineer");
        ranked[1].MatchedSkills.Should().BeEmpty();
    }

    [Fact]
    public void Vector_only_weights_rank_by_similarity_alone()
    {
        var candidates = new[]
        {
            new HybridRanker.Input(A, 0.40, ["python", "sql"], ["data engineer"]),
            new HybridRanker.Input(B, 0.38, [], []),
        };

        var ranked = HybridRanker.Rank("Data Engineer: Python, SQL", candidates, HybridWeights.VectorOnly);

        ranked.Select(r => r.Id).Should().Equal(B, A);
        ranked[0].Score.Should().BeApproximately(0.62, 1e-9);
    }

    [Fact]
    public void Skills_match_whole_words_only()
    {
        var ranked = HybridRanker.Rank("We use Java and JavaScript", [new HybridRanker.Input(A, 0.5, ["java", "c", "script"], [])], HybridWeights.Hybrid);

        ranked[0].MatchedSkills.Should().Equal("java");
    }

    [Fact]
    public void A_title_matches_when_most_of_its_meaningful_words_are_in_the_query()
    {
        var ranked = HybridRanker.Rank("Hiring an accountant for tax season", [new HybridRanker.Input(A, 0.5, [], ["senior accountant", "tax advisor"])], HybridWeights.Hybrid);

        ranked[0].MatchedTitles.Should().Equal("senior accountant");
    }

    [Fact]
    public void A_resume_whose_skills_could_not_be_parsed_is_not_pushed_below_weaker_matches()
    {
        var candidates = new[]
        {
            new HybridRanker.Input(A, 0.30, [], []),
            new HybridRanker.Input(B, 0.45, ["python"], ["developer"]),
            new HybridRanker.Input(Guid.NewGuid(), 0.50, ["excel"], ["clerk"]),
        };

        var ranked = HybridRanker.Rank("Python developer", candidates, HybridWeights.Hybrid);

        ranked[0].Id.Should().Be(A, "missing structure counts as average, not as zero");
    }
}
