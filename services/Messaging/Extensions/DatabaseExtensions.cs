using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Messaging.Outbox;

namespace Platform.Messaging.Extensions;

/// <summary>
/// The connection string of <typeparamref name="TContext"/>'s database, for the few that talk to it without EF
/// (the outbox relay's lock, its notifications and marks); an opened connection no longer shows its password.
/// </summary>
public sealed record ServiceDatabase<TContext>(string ConnectionString) where TContext : DbContext;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own PostgreSQL database (<c>ConnectionStrings:{connectionName}</c>), with
    /// snake_case names, the outbox commit signal and a readiness check; <paramref name="configure"/> adds what
    /// one service needs besides (an interceptor of its own, say).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder, string connectionName, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set: the service needs its PostgreSQL database.");
        // Pooled: a consumer or a request takes a context that is already built instead of making one each time.
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            // No retrying execution strategy: the outbox and inbox rely on explicit transactions it would forbid.
            // Split queries: an aggregate with owned collections (a meeting's agenda and invitees) loads
            // without multiplying rows.
            options
                .UseNpgsql(connectionString, npgsql => npgsql
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                    .ConfigureDataSource(dataSource => dataSource.TraceOnlyWithinTraces()))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>());
            configure?.Invoke(services, options);
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: ["ready"]);
        builder.Services.AddSingleton(new ServiceDatabase<TContext>(connectionString));
        return builder;
    }

    /// <summary>
    /// Applies the service's migrations before it starts serving. Instances starting together take turns on a
    /// session advisory lock: EF Core's own migration lock did not stop two instances applying the same
    /// migration at once here (seen with --replicas 2: "column already exists").
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Migrations");
        // The configured connection string: EF's copy has lost its password once a connection opened.
        await using var turn = await MigrationTurn.TakeAsync(app.Services.GetRequiredService<ServiceDatabase<TContext>>().ConnectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        logger.LogInformation("Database {Database} is up to date ({Applied} migrations applied)", db.Database.GetDbConnection().Database, pending.Count);
    }
}
