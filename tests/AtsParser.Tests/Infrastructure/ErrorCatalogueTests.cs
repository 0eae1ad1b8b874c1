using System.Reflection;
using AtsParser.Api.Corrections;
using AtsParser.Api.Infrastructure;
using AtsParser.Api.Jobs;
using AtsParser.Api.Security;
using AtsParser.Api.Storage;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Infrastructure;

/// <summary>One catalogue of codes, one exception type with a code, one ProblemDetails factory.</summary>
public class ErrorCatalogueTests
{
    static IEnumerable<(string Owner, string Code)> NamedCodes(params Type[] types) =>
        types.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => ($"{t.Name}.{f.Name}", (string)f.GetRawConstantValue()!)));

    [Fact]
    public void Every_code_a_feature_names_has_a_status_title_and_advice_in_the_one_catalogue()
    {
        var codes = NamedCodes(typeof(ErrorCodes), typeof(HttpErrors), typeof(JobErrors), typeof(CorrectionProblems),
            typeof(FailureClassifier), typeof(StorageException)).ToList();
        codes.Should().HaveCountGreaterThan(40);
        foreach (var (owner, code) in codes)
        {
            ErrorCodes.All.Should().ContainKey(code, $"{owner} names it");
            var info = ErrorCodes.All[code];
            info.Status.Should().BeInRange(400, 599, owner);
            info.Title.Should().NotBe(code, owner);
            info.Detail.Should().EndWith(".", $"{owner}'s advice is a sentence");
        }
    }

    [Fact]
    public void Every_coded_exception_becomes_problem_details_with_its_code_status_and_specific_detail_first()
    {
        var cases = new CodedException[]
        {
            new DocumentException(ErrorCodes.EncryptedDocument, "The PDF asks for a password"),
            new StorageException(StorageException.Unavailable),
            new JobRejectedException(JobErrors.JobTooLarge, "The zip inflates to 2 GB"),
            new JsonPatchException(CorrectionProblems.TestFailed, "Operation 0 expected 'a'"),
            new ScopeException(Scopes.Search),
            new ExtractionFailedException(ErrorCodes.ExtractionTimeout, null, [new ExtractionAttempt("pdftotext", "timeout", 30000, null)]),
        };
        foreach (var e in cases)
        {
            var p = Problems.From(e);
            p.Should().NotBeNull();
            p!.Extensions["code"].Should().Be(e.Code);
            p.Status.Should().Be(ErrorCodes.All[e.Code].Status);
            p.Type.Should().Be($"https://atsparser.dev/errors/{e.Code}");
            p.Detail.Should().EndWith(ErrorCodes.All[e.Code].Detail);
            if (e.Detail is { } specific) p.Detail.Should().StartWith(specific);
        }
        Problems.From(cases[^1])!.Extensions.Should().ContainKey("attempts");
        Problems.From(new ScopeException(Scopes.Search))!.Detail.Should().Contain("'search'");
    }

    [Fact]
    public void An_exception_without_a_code_is_left_to_the_handler_as_an_internal_error()
    {
        Problems.From(new InvalidOperationException("boom")).Should().BeNull();
        var p = Problems.For(ErrorCodes.Internal);
        p.Status.Should().Be(500);
        p.Extensions["code"].Should().Be("internal_error");
    }
}
