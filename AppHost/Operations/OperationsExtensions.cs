using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Dashboard;
using Platform.AppHost.Resources;

namespace Platform.AppHost.Operations;

public static class OperationsExtensions
{
    /// <summary>Automatic restarts, the operations API (127.0.0.1:18887), the summary printed once everything is healthy, and an orderly stop.</summary>
    public static IDistributedApplicationBuilder AddOperations(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResourceWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ResourceWatcher>());
        builder.Services.AddSingleton(new OperationsApi.Settings(builder.PortFor(18887),
            builder.Configuration[DashboardAccess.ApiKeyConfiguration] ?? throw new InvalidOperationException("The AppHost has no dashboard token.")));
        builder.Services.AddSingleton<OperationsApi>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationsApi>());
        if (!builder.IsUnderTest()) builder.Services.AddHostedService<StartupSummary>();
        builder.Services.AddHostedService<OrderlyShutdown>();
        return builder;
    }
}
