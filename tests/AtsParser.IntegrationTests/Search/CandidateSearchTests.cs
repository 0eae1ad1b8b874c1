using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AtsParser.IntegrationTests.Storage;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace AtsParser.IntegrationTests.Search;

/// <summary>Stores the labelled pool once (fresh database), then searches it.</summary>
public sealed class SearchPoolFixture : IAsyncLifetime
{
    public StorageApiFactory Api { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public SearchEval Eval { get; } = SearchEval.Load();
    public Dictionary<string, Guid> Ids { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await StorageApiFactory.CreateAsync();
        Client = Api.CreateClient();
        foreach (var file in Eval.Pool)
        {
            var (response, body) = await Client.ParseAsync(await File.ReadAllBytesAsync(Corpus.PathOf(file)), "?store=true", SearchEval.UploadName(file));
            response.EnsureSuccessStatusCode();
            Ids[file] = body.GetProperty("id").GetGuid();
        }
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

public sealed class CandidateSearchTests(SearchPoolFixture fx) : IClassFixture<SearchPoolFixture>
{
    [Theory(Timeout = 120_000)]
    [InlineData("pdf/soupboss_01-Accountant.pdf")]
    [InlineData("docx/soupboss_02-Desktop_Support.docx")]
    [InlineData("pdf/pyresparser_OmkarResume.pdf")]
    [InlineData("pdf/rm_Amruta_B.pdf")]
    [InlineData("docx/rm_khyati_gandhi.docx")]
    [InlineData("docx/rm_Seshadri_Sastry_Kunapuli.docx")]
    public async Task The_obvious_match_for_a_job_description_ranks_first(string expected)
    {
        var query = fx.Eval.Queries.Single(q => q.Expected == expected);

        var results = await Search(new { text = query.Text, topK = 5 });

        results[0].GetProperty("id").GetGuid().Should().Be(fx.Ids[expected], $"the job description was written for {expected}");
        results[0].GetProperty("explanation").GetProperty("vectorSimilarity").GetDouble().Should().BeGreaterThan(results[^1].GetProperty("explanation").GetProperty("vectorSimilarity").GetDouble());
    }

    [Fact(Timeout = 120_000)]
    public async Task Search_returns_at_most_topK_candidates_in_descending_score_order()
    {
        var results = await Search(new { text = "software engineer python javascript", topK = 3 });

        results.Should().HaveCount(3);
        results.Select(r => r.GetProperty("score").GetDouble()).Should().BeInDescendingOrder();
    }

    [Fact(Timeout = 120_000)]
    public async Task Vectors_of_another_model_are_never_compared()
    {
        var query = fx.Eval.Queries.Single(q => q.Expected == "pdf/soupboss_01-Accountant.pdf");
        var id = fx.Ids[query.Expected];
        await Exec("UPDATE resume_embeddings SET model = 'other-model' WHERE resume_id = @id", id);
        try
        {
            var results = await Search(new { text = query.Text, topK = 50 });

            results.Select(r => r.GetProperty("id").GetGuid()).Should().NotContain(id);
        }
        finally
        {
            await Exec("UPDATE resume_embeddings SET model = 'lexical-v1' WHERE resume_id = @id", id);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_search_without_text_is_a_validation_problem()
    {
        var response = await fx.Client.PostAsJsonAsync("/api/v1/search", new { text = "", topK = 5 });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("code").GetString().Should().Be("validation_failed");
    }

    async Task<List<JsonElement>> Search(object request)
    {
        var response = await fx.Client.PostAsJsonAsync("/api/v1/search", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
    }

    async Task Exec(string sql, Guid id)
    {
        await using var conn = new NpgsqlConnection(fx.Api.DatabaseConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync();
    }
}
