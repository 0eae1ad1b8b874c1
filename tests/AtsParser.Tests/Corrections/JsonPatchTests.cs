using System.Text.Json;
using System.Text.Json.Nodes;
using AtsParser.Api.Corrections;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Corrections;

/// <summary>RFC 6902 semantics of the corrections' JSON Patch, on the RFC's own kinds of examples.</summary>
public sealed class JsonPatchTests
{
    static JsonNode Doc() => JsonNode.Parse("""{"resume":{"skills":["sql","excel"],"candidate":{"name":{"raw":"Ann"},"a/b":1,"m~n":2}}}""")!;

    static PatchOperation Op(string op, string path, string? value = null, string? from = null) =>
        new(op, path, from, value is null ? null : JsonDocument.Parse(value).RootElement.Clone());

    static string Apply(params PatchOperation[] ops) => JsonPatch.Apply(Doc(), ops).Result.ToJsonString();

    [Fact]
    public void Add_inserts_at_an_array_index_and_dash_appends()
    {
        Apply(Op("add", "/resume/skills/1", "\"python\""), Op("add", "/resume/skills/-", "\"sap\""))
            .Should().Contain("\"skills\":[\"sql\",\"python\",\"excel\",\"sap\"]");
    }

    [Fact]
    public void Replace_and_remove_record_the_value_before_and_after()
    {
        var (result, applied) = JsonPatch.Apply(Doc(), [Op("replace", "/resume/candidate/name/raw", "\"Anna\""), Op("remove", "/resume/skills/0")]);

        applied[0].Before!.GetValue<string>().Should().Be("Ann");
        applied[0].After!.GetValue<string>().Should().Be("Anna");
        applied[1].Before!.GetValue<string>().Should().Be("sql");
        applied[1].After.Should().BeNull();
        result["resume"]!["skills"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public void Pointer_escapes_address_keys_with_slash_and_tilde()
    {
        Apply(Op("replace", "/resume/candidate/a~1b", "10"), Op("replace", "/resume/candidate/m~0n", "20"))
            .Should().Contain("\"a/b\":10").And.Contain("\"m~n\":20");
    }

    [Fact]
    public void Move_and_copy_take_the_value_from_another_path()
    {
        var moved = JsonNode.Parse(Apply(Op("copy", "/resume/skills/-", from: "/resume/candidate/name/raw"), Op("move", "/resume/candidate/first", from: "/resume/candidate/name")))!;

        moved["resume"]!["skills"]![2]!.GetValue<string>().Should().Be("Ann");
        moved["resume"]!["candidate"]!["first"]!["raw"]!.GetValue<string>().Should().Be("Ann");
        moved["resume"]!["candidate"]!.AsObject().ContainsKey("name").Should().BeFalse();
    }

    [Fact]
    public void A_failed_operation_leaves_the_original_document_untouched()
    {
        var doc = Doc();
        var before = doc.ToJsonString();

        var act = () => JsonPatch.Apply(doc, [Op("replace", "/resume/skills/0", "\"x\""), Op("test", "/resume/skills/0", "\"sql\"")]);

        act.Should().Throw<JsonPatchException>().Which.Code.Should().Be(CorrectionProblems.TestFailed);
        doc.ToJsonString().Should().Be(before);
    }

    [Theory]
    [InlineData("replace", "/resume/skills/2", CorrectionProblems.PathNotFound)]
    [InlineData("replace", "/resume/skills/01", CorrectionProblems.PathNotFound)]
    [InlineData("remove", "/resume/nothing", CorrectionProblems.PathNotFound)]
    [InlineData("add", "/resume/skills/5", CorrectionProblems.InvalidPatch)]
    [InlineData("frobnicate", "/resume/skills", CorrectionProblems.InvalidPatch)]
    [InlineData("add", "resume", CorrectionProblems.InvalidPatch)]
    public void Bad_operations_fail_with_a_stable_code(string op, string path, string code)
    {
        var act = () => JsonPatch.Apply(Doc(), [Op(op, path, "1")]);

        act.Should().Throw<JsonPatchException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void A_value_cannot_be_moved_into_itself()
    {
        var act = () => JsonPatch.Apply(Doc(), [Op("move", "/resume/candidate/name/inner", from: "/resume/candidate/name")]);

        act.Should().Throw<JsonPatchException>().Which.Code.Should().Be(CorrectionProblems.InvalidPatch);
    }
}
