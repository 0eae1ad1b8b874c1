using System.Net;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using AtsParser.Api.Jobs;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Jobs;

public sealed class FailureClassifierTests
{
    [Theory]
    [InlineData(ErrorCodes.EncryptedDocument)]
    [InlineData(ErrorCodes.UnsupportedFormat)]
    [InlineData(ErrorCodes.CorruptDocument)]
    [InlineData(ErrorCodes.EmptyFile)]
    public void Document_problems_are_permanent_and_keep_their_code(string code)
    {
        var f = FailureClassifier.Classify(new DocumentException(code));

        f.Transient.Should().BeFalse();
        f.Code.Should().Be(code);
    }

    [Fact]
    public void Timeouts_429s_5xx_and_unreachable_dependencies_are_transient()
    {
        FailureClassifier.Classify(new TimeoutException()).Transient.Should().BeTrue();
        FailureClassifier.Classify(new HttpRequestException("x", null, HttpStatusCode.TooManyRequests)).Code.Should().Be(FailureClassifier.RateLimited);
        FailureClassifier.Classify(new HttpRequestException("x", null, HttpStatusCode.BadGateway)).Transient.Should().BeTrue();
        FailureClassifier.Classify(new HttpRequestException(HttpRequestError.ConnectionError, "refused")).Transient.Should().BeTrue();
        FailureClassifier.Classify(new ExtractionFailedException(ErrorCodes.ExtractionTimeout, "slow", [])).Transient.Should().BeTrue();
    }

    [Theory]
    [InlineData(ErrorCodes.ParseTimeout)]
    [InlineData(ErrorCodes.ServerBusy)]
    public void A_coded_server_side_failure_is_transient_and_keeps_its_code(string code)
    {
        var f = FailureClassifier.Classify(new CodedException(code, "busy machine"));

        f.Should().Be(new ItemFailure(code, "busy machine", true));
    }

    [Fact]
    public void A_4xx_from_a_dependency_is_permanent_and_an_unknown_error_is_retried()
    {
        FailureClassifier.Classify(new HttpRequestException("x", null, HttpStatusCode.BadRequest)).Transient.Should().BeFalse();
        FailureClassifier.Classify(new InvalidOperationException()).Should().Be(new ItemFailure(FailureClassifier.Internal, "InvalidOperationException", true));
    }

    [Fact]
    public void Retry_delays_follow_the_list_and_repeat_its_last_entry()
    {
        var o = new JobsOptions { RetryDelays = "60, 300,900" };

        Enumerable.Range(1, 5).Select(a => o.RetryDelay(a).TotalSeconds).Should().Equal(60, 300, 900, 900, 900);
    }
}
