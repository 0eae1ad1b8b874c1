using AtsParser.Api.Caching;
using AtsParser.Api.Parse;
using FluentAssertions;
using Xunit;
using AtsParser.Core.Parsing;

namespace AtsParser.Tests.Caching;

public sealed class CacheKeyTests
{
    const string Sha = "0f343b0931126a20f133d67c2b018a3b5b1d8b4c1d1e1f1a1b1c1d1e1f1a1b1c";
    static readonly ParseRequestOptions Options = new() { AsOf = new DateOnly(2025, 1, 1) };
    static readonly ParserIdentity Heuristic = new("heuristic", "");

    [Fact]
    public void The_same_document_options_and_parser_give_the_same_key() =>
        CacheKey.For(Sha, Options, Heuristic).Should().Be(CacheKey.For(Sha, Options with { }, new ParserIdentity("heuristic", "")));

    [Fact]
    public void A_new_pipeline_version_changes_the_key() =>
        CacheKey.For(Sha, Options, Heuristic, "1.0").Variant.Should().NotBe(CacheKey.For(Sha, Options, Heuristic, "1.1").Variant);

    [Fact]
    public void The_current_pipeline_version_is_part_of_the_default_key() =>
        CacheKey.For(Sha, Options, Heuristic).Should().Be(CacheKey.For(Sha, Options, Heuristic, PipelineVersion.Current));

    [Fact]
    public void Another_asOf_date_changes_the_key() =>
        CacheKey.For(Sha, Options, Heuristic).Variant.Should().NotBe(CacheKey.For(Sha, Options with { AsOf = new DateOnly(2025, 1, 2) }, Heuristic).Variant);

    [Fact]
    public void Another_parser_mode_or_model_changes_the_key()
    {
        var keys = new[] { Heuristic, new ParserIdentity("openai", "gpt-4o-mini"), new ParserIdentity("openai", "gpt-4o") }
            .Select(p => CacheKey.For(Sha, Options, p).Variant);

        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void IncludeText_does_not_change_the_key_because_the_entry_keeps_the_text() =>
        CacheKey.For(Sha, Options with { IncludeText = true }, Heuristic).Should().Be(CacheKey.For(Sha, Options, Heuristic));

    [Fact]
    public void Every_variant_of_a_document_shares_its_sha256_so_an_erase_finds_them_all() =>
        CacheKey.For(Sha, Options with { AsOf = new DateOnly(2020, 1, 1) }, Heuristic).Sha256.Should().Be(Sha);

    [Theory]
    [InlineData("3600", "3600")]
    [InlineData("90s", "90")]
    [InlineData("30m", "1800")]
    [InlineData("12h", "43200")]
    [InlineData("7d", "604800")]
    [InlineData("soon", "soon")]
    public void CACHE_TTL_accepts_seconds_and_unit_suffixes(string value, string seconds) =>
        CacheOptions.ParseSeconds(value).Should().Be(seconds);
}
