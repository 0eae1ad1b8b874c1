using AtsParser.Api.Caching;
using AtsParser.Api.Storage;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace AtsParser.Tests.Storage;

public sealed class ConnectionUrlTests
{
    [Fact]
    public void A_postgres_url_becomes_an_npgsql_connection_string()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://ats%40user:p%3Ass@db.example:6543/resumes?sslmode=verify-full&application_name=ats"));

        cs.Host.Should().Be("db.example");
        cs.Port.Should().Be(6543);
        cs.Username.Should().Be("ats@user");
        cs.Password.Should().Be("p:ss");
        cs.Database.Should().Be("resumes");
        cs.SslMode.Should().Be(SslMode.VerifyFull);
        cs.ApplicationName.Should().Be("ats");
    }

    [Fact]
    public void An_npgsql_connection_string_is_accepted_as_it_is() =>
        new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("Host=localhost;Port=5433;Username=u;Database=d")).Port.Should().Be(5433);

    [Fact]
    public void A_malformed_value_is_refused_at_start_up_with_the_setting_named()
    {
        var options = new StorageOptions { ConnectionString = "postgres://" };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        errors.Should().ContainSingle().Which.ErrorMessage.Should().Contain("DATABASE_URL");
    }

    [Fact]
    public void Connect_and_command_timeouts_come_from_the_options_unless_the_connection_string_gives_them()
    {
        var defaults = new NpgsqlConnectionStringBuilder(new StorageOptions { ConnectionString = "postgres://u@db/d" }.NpgsqlConnectionString);
        var configured = new NpgsqlConnectionStringBuilder(new StorageOptions { ConnectionString = "Host=db", ConnectTimeoutSeconds = 3, CommandTimeoutSeconds = 7 }.NpgsqlConnectionString);
        var given = new NpgsqlConnectionStringBuilder(new StorageOptions { ConnectionString = "postgres://u@db/d?connect_timeout=12&Command%20Timeout=40" }.NpgsqlConnectionString);

        (defaults.Timeout, defaults.CommandTimeout).Should().Be((5, 30));
        (configured.Timeout, configured.CommandTimeout).Should().Be((3, 7));
        (given.Timeout, given.CommandTimeout).Should().Be((12, 40));
    }

    [Theory]
    [InlineData("Host=db;Timeout=0")]
    [InlineData("postgres://u@db/d?Command%20Timeout=0")]
    public void A_timeout_of_zero_in_the_connection_string_is_refused_at_start_up(string value)
    {
        var options = new StorageOptions { ConnectionString = value };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        errors.Should().ContainSingle().Which.ErrorMessage.Should().Contain("wait forever");
    }

    [Fact]
    public void Timeout_settings_out_of_range_are_refused_at_start_up_with_the_setting_named()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectTimeoutSeconds = 0, CommandTimeoutSeconds = 100_000 });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("ConnectTimeoutSeconds").And.Contain("CommandTimeoutSeconds");
    }

    [Fact]
    public void A_redis_url_with_password_and_database_is_understood()
    {
        var config = RedisUrl.ToConfiguration("redis://:s3cret@cache.example:6380/2");

        config.EndPoints.Should().ContainSingle().Which.ToString().Should().Contain("cache.example:6380");
        config.Password.Should().Be("s3cret");
        config.DefaultDatabase.Should().Be(2);
        config.Ssl.Should().BeFalse();
    }

    [Fact]
    public void A_rediss_url_turns_tls_on_and_a_configuration_string_still_works()
    {
        RedisUrl.ToConfiguration("rediss://cache.example").Ssl.Should().BeTrue();
        RedisUrl.ToConfiguration("localhost:6379,password=x").Password.Should().Be("x");
    }
}
