using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AtsParser.Api.Parse;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using AtsParser.Core.Parsing.Output;
using AtsParser.Core.Pipeline;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AtsParser.Tests.Parsing;

/// <summary>The source-generated answers must be byte for byte what the reflection serializer wrote before them
/// (clients, cached entries and stored results all hold that JSON), both ways.</summary>
public class ApiJsonTests
{
    const string Text = """
        Ilse Marrow-Quint
        Logistics Planner
        ilse.quint@example.net | +49 30 5550 1234 | Berlin | https://github.com/ilse-quint-example
        SUMMARY
        Planner with eight years in freight and warehousing.
        EXPERIENCE
        Senior Logistics Planner, Hallerbeck Spedition GmbH, Hamburg
        04/2019 – Present
        • Cut empty runs by 18% with a new routing model.
        Logistics Analyst | Norvik Cargo AB | Malmö | 2015 - 2019
        EDUCATION
        M.Sc. Supply Chain Management, Technische Universität Berlin, 2013 – 2015
        SKILLS
        SAP, SQL, Python, Excel, Power BI
        CERTIFICATIONS
        APICS CSCP (2020)
        LANGUAGES
        German (native), English (C1), Swedish (B1)
        """;

    static JsonSerializerOptions Reflection() => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    static JsonSerializerOptions Generated()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        ApiJson.Configure(o);
        return o;
    }

    static async Task<List<ParseResult>> Results()
    {
        await using var services = CorpusEvaluation.BuildServices();
        var pipeline = services.GetRequiredService<DocumentPipeline>();
        var parsed = await pipeline.ProcessAsync(new Upload("resume.txt", "text/plain", Encoding.UTF8.GetBytes(Text), null),
            new ParseRequestOptions { IncludeText = true, AsOf = new DateOnly(2026, 6, 1) }, CancellationToken.None);
        parsed.Resume!.WorkExperience.Should().HaveCountGreaterThanOrEqualTo(2, "the sample must fill the nested lists");
        var stored = parsed with { Id = Guid.Parse("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e"), Storage = "deferred" };
        return [parsed, stored, ResultViews.Apply(parsed, redact: true, format: null), ResultViews.Apply(parsed, redact: false, format: "jsonresume")];
    }

    [Fact]
    public async Task Parse_answers_are_written_byte_for_byte_as_the_reflection_serializer_wrote_them()
    {
        var generated = Generated();
        generated.GetTypeInfo(typeof(ParseResult)).OriginatingResolver.Should().BeSameAs(ApiJsonContext.Default, "the answer is written by the generated code");
        foreach (var result in await Results())
            JsonSerializer.Serialize(result, generated).Should().Be(JsonSerializer.Serialize(result, Reflection()));
    }

    [Fact]
    public async Task Parse_answers_read_back_from_that_json_are_the_same_answers()
    {
        foreach (var result in await Results())
        {
            var json = JsonSerializer.Serialize(result, Reflection());
            var back = JsonSerializer.Deserialize<ParseResult>(json, Generated())!;
            JsonSerializer.Serialize(back, Reflection()).Should().Be(json);
        }
    }

    [Fact]
    public async Task A_bulk_answer_is_written_as_before()
    {
        var results = await Results();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 413, Title = "File too large", Detail = "The file is larger than 10 MB." };
        problem.Extensions["code"] = "file_too_large";
        problem.Extensions["retryAfterSeconds"] = 10;
        var bulk = new BulkParseResponse(3, 2, 1, [new BulkEntry(0, "a.txt", 200, results[0], null), new BulkEntry(1, "b.txt", 200, results[2], null), new BulkEntry(2, "c.pdf", 413, null, problem)]);

        JsonSerializer.Serialize(bulk, Generated()).Should().Be(JsonSerializer.Serialize(bulk, Reflection()));
    }

    [Fact]
    public async Task Cache_entries_are_written_and_read_as_the_reflection_serializer_did()
    {
        foreach (var result in await Results())
        {
            var entry = new AtsParser.Api.Caching.CacheEntry(result, "the extracted text \"quoted\" – with ünïcode\n");
            var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, AtsParser.Api.Caching.CacheJsonContext.Default.CacheEntry);
            Encoding.UTF8.GetString(bytes).Should().Be(JsonSerializer.Serialize(entry, Reflection()));
            var back = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(entry, Reflection()), AtsParser.Api.Caching.CacheJsonContext.Default.CacheEntry)!;
            back.Text.Should().Be(entry.Text);
            JsonSerializer.Serialize(back.Result, Reflection()).Should().Be(JsonSerializer.Serialize(result, Reflection()));
        }
    }
}
