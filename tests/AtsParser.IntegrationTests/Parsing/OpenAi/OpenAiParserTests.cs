using Xunit;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Compaction;
using AtsParser.Core.Parsing.Grounding;
using AtsParser.Core.Parsing.OpenAi;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;

namespace AtsParser.IntegrationTests.Parsing.OpenAi;

public sealed class OpenAiParserTests
{
    [Fact(Timeout = 60_000)]
    public async Task Sends_the_strict_schema_the_output_budget_and_the_compacted_text()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.Answer(SampleResume.Answer()));

        var resume = await h.ParseAsync(SampleResume.Text);

        var request = h.Server.Requests.Should().ContainSingle().Subject;
        request.Authorization.Should().Be("Bearer test-key");
        request.Body["model"]!.GetValue<string>().Should().Be("gpt-4o-mini");
        request.MaxCompletionTokens.Should().Be(1000);
        var format = request.Body["response_format"]!;
        format["type"]!.GetValue<string>().Should().Be("json_schema");
        format["json_schema"]!["strict"]!.GetValue<bool>().Should().BeTrue();
        format["json_schema"]!["name"]!.GetValue<string>().Should().Be(ExtractionSchema.Name);
        format["json_schema"]!["schema"]!["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        format["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(["name", "emails", "work", "skills"]);

        var user = request.UserMessage;
        user.Should().StartWith("<resume>").And.Contain("jane.doe@example.com").And.Contain("Jan 2020 – Present").And.Contain("03/2016 - 12/2019");
        user.Should().NotContain("References available upon request", "boilerplate is stripped");
        CountOf(user, SampleResume.Footer).Should().Be(1, "a footer repeated on every page is sent once");
        user.Should().NotContain("\f").And.NotContain("    ", "whitespace runs are collapsed");

        resume.Meta.Parser.Should().Be("openai");
        resume.Meta.Model.Should().Be("gpt-4o-mini");
        resume.Meta.PromptVersion.Should().Be(ExtractionPrompt.Version);
        resume.Meta.TokensIn.Should().BeGreaterThan(0);
        resume.Meta.TokensOut.Should().BeGreaterThan(0);
        resume.Meta.EstimatedCostUsd.Should().BeGreaterThan(0);
        resume.Meta.Compaction!.TokensAfter.Should().BeLessThan(resume.Meta.Compaction.TokensBefore);
        resume.Meta.Compaction.Tokenizer.Should().Be("o200k_base", "gpt-4o-mini is counted with its own tokenizer");
        resume.Meta.Compaction.TokensBefore.Should().Be(TokenCounter.O200k.Count(SampleResume.Text));
        resume.Candidate.Name!.Raw.Should().Be("Jane Q. Doe");
        resume.Candidate.Emails.Should().Equal("jane.doe@example.com");
        resume.Candidate.Links.Should().ContainSingle().Which.Type.Should().Be(LinkTypes.LinkedIn);
        resume.WorkExperience.Select(w => w.Employer).Should().Equal("Acme Payments AG", "Globex GmbH");
        resume.WorkExperience[0].Start!.Raw.Should().Be("Jan 2020");
        resume.WorkExperience[0].Evidence.Should().Contain("Acme Payments AG");
        resume.WorkExperience.Should().OnlyContain(w => w.Confidence == Grounder.VerifiedConfidence);
        resume.Skills.Select(s => s.Name).Should().Equal("Go", "PostgreSQL", "Kafka", "Kubernetes");
        resume.Quality.Warnings.Should().BeEmpty();

        // Filled in code by the shared finalizer, never by the model.
        resume.WorkExperience[0].Start!.Iso.Should().Be("2020-01");
        resume.WorkExperience[0].IsCurrent.Should().BeTrue();
        resume.WorkExperience[1].End!.Iso.Should().Be("2019-12");
        resume.Candidate.Phones[0].E164.Should().Be("+14155550100");
        resume.Derived.CurrentEmployer.Should().Be("Acme Payments AG");
        resume.Education[0].DegreeLevel.Should().Be(DegreeLevels.Master);
        resume.Derived.HighestEducationLevel.Should().Be(DegreeLevels.Master);
        resume.Languages.Select(l => (l.Code, l.Cefr)).Should().Equal(("en", "C2"), ("de", "B2"));
        resume.Derived.TotalExperienceMonths.Should().Be(46 + 66, "03/2016-12/2019 and 01/2020 to the asOf month 06/2025, both inclusive");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_usage_in_the_answer_tokens_and_cost_come_from_the_models_tokenizer()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.Answer(SampleResume.Answer()).WithoutUsage());

        var resume = await h.ParseAsync(SampleResume.Text);

        var sent = h.Server.Requests.Single();
        var system = sent.Body["messages"]![0]!["content"]!.GetValue<string>();
        resume.Meta.Parser.Should().Be("openai");
        resume.Meta.TokensIn.Should().Be(TokenCounter.O200k.Count(system) + TokenCounter.O200k.Count(sent.UserMessage) + TokenCounter.O200k.Count(ExtractionSchema.Json.ToString()));
        resume.Meta.TokensOut.Should().BeGreaterThan(0);
        resume.Meta.EstimatedCostUsd.Should().BeGreaterThan(0);
        h.Calibration.Samples.Should().Be(0, "counted tokens say nothing about the characters-per-token estimate");
    }

    [Fact(Timeout = 60_000)]
    public async Task Drops_a_hallucinated_email_and_says_which_value_and_why()
    {
        await using var h = await OpenAiParserHarness.StartAsync();
        h.Server.Then(FakeReply.Answer(SampleResume.Answer() with
        {
            Emails = ["jane.doe@example.com", "jane@invented-mail.com"],
            Phones = ["+1 (415) 555-0100", "+1 212 555 0199"],
            Work = [.. SampleResume.Answer().Work, new("CTO", "Initech Inc.", null, "2010", "2012", null, [])],
        }));

        var resume = await h.ParseAsync(SampleResume.Text);

        resume.Candidate.Emails.Should().Equal("jane.doe@example.com");
        resume.Candidate.Phones.Select(p => p.Raw).Should().Equal("+1 (415) 555-0100");
        resume.WorkExperience.Select(w => w.Employer).Should().NotContain("Initech Inc.");
        var warnings = resume.Quality.Warnings.Where(w => w.Code == WarningCodes.UnverifiedValue).ToList();
        warnings.Should().Contain(w => w.Path == "candidate.emails[1]" && w.Message!.Contains("jane@invented-mail.com") && w.Message.EndsWith("dropped."));
        warnings.Should().Contain(w => w.Path == "candidate.phones[1]");
        warnings.Should().Contain(w => w.Path == "workExperience[2].employer");
        resume.WorkExperience.Last().Confidence.Should().Be(Grounder.LowConfidence, "its title was not found either: kept, but flagged");
    }

    static int CountOf(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
