using AtsParser.Api.Outbox;
using AtsParser.Api.Webhooks;
using Microsoft.Extensions.Options;

namespace AtsParser.Api.Jobs;

public static class JobsServices
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<JobsOptions>().Bind(config.GetSection(JobsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddOptions<WebhookOptions>().Bind(config.GetSection(WebhookOptions.Section)).ValidateOnStart()
            .Configure<IOptions<JobsOptions>>((w, jobs) => w.DispatcherEnabled = jobs.Value.WorkerEnabled);
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<JobsDatabase>();
        services.AddSingleton<JobFinisher>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobIntake>();
        // Submissions that find the database unreachable wait in the outbox (Redis) and become jobs when it answers again.
        services.AddSingleton<DeferredJobs>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<DeferredJobs>());
        services.AddSingleton<JobReads>();
        services.AddSingleton<JobControl>();
        services.AddSingleton<JobItemRunner>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<JobRetention>();
        services.AddWebhookHttpClient();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
