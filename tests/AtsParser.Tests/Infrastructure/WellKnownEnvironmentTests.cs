using AtsParser.Api.Infrastructure;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Infrastructure;

public class WellKnownEnvironmentTests
{
    [Theory]
    [InlineData("10485760", "10485760")]
    [InlineData("10MB", "10485760")]
    [InlineData("10 MiB", "10485760")]
    [InlineData("512k", "524288")]
    [InlineData("1.5G", "1610612736")]
    [InlineData("200b", "200")]
    public void Max_file_size_accepts_bytes_and_binary_units(string raw, string bytes)
    {
        WellKnownEnvironment.ParseSize(raw).Should().Be(bytes);
    }

    [Theory]
    [InlineData("ten megabytes")]
    [InlineData("-5MB")]
    public void An_unparseable_size_passes_through_for_validation_to_name(string raw)
    {
        WellKnownEnvironment.ParseSize(raw).Should().Be(raw);
    }
}
