using AtsParser.Api.Storage;
using AtsParser.Api.Search;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Search;

public sealed class LexicalEmbedderTests
{
    static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void The_same_text_always_gives_the_same_vector() =>
        LexicalEmbedder.Embed("Senior accountant, IFRS and SAP").Should().Equal(LexicalEmbedder.Embed("Senior accountant, IFRS and SAP"));

    [Fact]
    public void Vectors_fill_the_column_and_have_unit_length()
    {
        var v = LexicalEmbedder.Embed("Python developer with Django experience");

        v.Should().HaveCount(EmbeddingSpace.Dimensions);
        Math.Sqrt(Cosine(v, v)).Should().BeApproximately(1, 1e-5);
    }

    [Fact]
    public void A_job_description_is_closer_to_the_matching_resume_than_to_an_unrelated_one()
    {
        var job = LexicalEmbedder.Embed("Accountant for tax returns, reconciliations and financial statements");
        var accountant = LexicalEmbedder.Embed("Certified public accountant: prepared tax returns and monthly account reconciliations");
        var nurse = LexicalEmbedder.Embed("Registered nurse: patient care, triage and medication administration");

        Cosine(job, accountant).Should().BeGreaterThan(Cosine(job, nurse));
    }

    [Fact]
    public void Word_forms_share_character_trigrams()
    {
        var accounting = LexicalEmbedder.Embed("accounting");

        Cosine(accounting, LexicalEmbedder.Embed("accountant")).Should().BeGreaterThan(Cosine(accounting, LexicalEmbedder.Embed("nursing")));
    }

    [Fact]
    public void Technical_tokens_keep_their_symbols() =>
        LexicalEmbedder.Words("C++, C#, .NET and Node.js; the rest").Should().Equal("c++", "c#", ".net", "node.js", "rest");

    [Fact]
    public void Empty_text_gives_a_zero_vector_instead_of_failing() =>
        LexicalEmbedder.Embed("").Should().OnlyContain(x => x == 0);

    [Fact]
    public void Narrower_model_vectors_are_zero_padded_to_the_column_width()
    {
        var padded = EmbeddingSpace.Fit([0.6f, 0.8f], "small-model");

        padded.Should().HaveCount(EmbeddingSpace.Dimensions);
        padded.Take(2).Should().Equal(0.6f, 0.8f);
        padded.Skip(2).Should().OnlyContain(x => x == 0);
    }

    [Fact]
    public void Wider_model_vectors_are_refused_with_a_clear_message() =>
        FluentActions.Invoking(() => EmbeddingSpace.Fit(new float[3072], "text-embedding-3-large-full"))
            .Should().Throw<InvalidOperationException>().WithMessage("*3072 dimensions*1536*");
}
