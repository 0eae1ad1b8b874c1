using AtsParser.Api.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector.Npgsql;

namespace AtsParser.Api.Storage;

public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StorageOptions>().Bind(config.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<Migrator>();
        // Registered first so that migrations finish before other hosted services (and the server) start.
        services.AddHostedService<MigrateOnStartup>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            // Without DATABASE_URL nothing opens a connection: the storage endpoints answer 503 before using it.
            // UseVector: Pgvector's Vector type on the ADO.NET level too (EF's UseVector alone does not reach a data source built here).
            var builder = new NpgsqlDataSourceBuilder(o.Enabled ? o.NpgsqlConnectionString : "Host=storage-disabled");
            builder.UseVector();
            return builder.Build();
        });
        // EF Core logs every command at Information; SQL text is noise here and parameters could carry resume data.
        services.AddLogging(b => b.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        // Pooled: a new context initialised its internal services (DbContextDependencies) on every request; a pooled one
        // is reset when returned (connection closed, nothing tracked). Search measured with pooling and the compiled queries.
        services.AddDbContextPool<AtsDb>((sp, o) => AtsDb.Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<ResumeStore>();
        // Stores that find the database unreachable wait in the outbox (Redis) and are written when it answers again.
        services.AddSingleton<DeferredResumes>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<DeferredResumes>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionPurge>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
