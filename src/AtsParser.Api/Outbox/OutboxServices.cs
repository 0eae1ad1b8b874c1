using Microsoft.Extensions.Options;

namespace AtsParser.Api.Outbox;

public static class OutboxServices
{
    /// <summary>The outbox and its drainer; features add their IOutboxHandler (AddStorage, AddJobs).</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OutboxOptions>().Bind(config.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton<RedisOutbox>();
        services.AddHostedService<OutboxDrainer>();
        return services;
    }
}
