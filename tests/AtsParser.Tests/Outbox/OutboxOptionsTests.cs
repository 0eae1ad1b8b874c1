using AtsParser.Api.Outbox;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        new OutboxOptionsValidator().Validate(null, new OutboxOptions()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(nameof(OutboxOptions.MaxEntries))]
    [InlineData(nameof(OutboxOptions.MaxBytes))]
    [InlineData(nameof(OutboxOptions.MaxJobBytes))]
    public void A_bound_of_zero_is_refused_at_start_up_with_the_setting_named(string setting)
    {
        var options = new OutboxOptions();
        typeof(OutboxOptions).GetProperty(setting)!.SetValue(options, Convert.ChangeType(0, typeof(OutboxOptions).GetProperty(setting)!.PropertyType));

        var result = new OutboxOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(setting);
    }
}
